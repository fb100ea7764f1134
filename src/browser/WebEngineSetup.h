#pragma once

// Process-wide Qt WebEngine settings for the sign-in; call before the QApplication exists.
namespace WebEngineSetup {
// Un-throttles timers of the invisible sign-in page (Chromium flags) and makes sure remote
// debugging of the engine is off: a debugging port would expose the signed-in portal session.
void prepareProcess();
} // namespace WebEngineSetup
