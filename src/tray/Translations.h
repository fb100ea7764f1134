#pragma once

// The user's language for everything the desktop shows: the app's own strings (built in from
// translations/*.ts) and Qt's (standard buttons), chosen from the system locale.
class Translations
{
public:
    static void install();
};
