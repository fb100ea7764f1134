#pragma once

#include "WebEngineSetup.h"

#include <QApplication>
#include <QtTest>

// A QtTest main for WebEngine tests: the product's process setup, plus what only tests may do.
#define BROWSER_TEST_MAIN(TestClass)                                                                         \
    int main(int argc, char *argv[])                                                                         \
    {                                                                                                        \
        /* CI runs as root, where Chromium refuses its sandbox; tests only, never the product. */            \
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");                                                         \
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {                                                \
            qputenv("QT_QPA_PLATFORM", "offscreen");                                                         \
        }                                                                                                    \
        WebEngineSetup::prepareProcess();                                                                    \
        QApplication app(argc, argv);                                                                        \
        TestClass test;                                                                                      \
        return QTest::qExec(&test, argc, argv);                                                              \
    }
