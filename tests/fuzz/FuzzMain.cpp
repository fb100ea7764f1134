// One libFuzzer executable per parser: FUZZ_TARGET_NAME picks the entry point of FuzzTargets.
#include "FuzzTargets.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const std::function<void(const QByteArray &)> run = [] {
        for (const FuzzTargets::Target &target : FuzzTargets::all()) {
            if (target.name == QLatin1String(FUZZ_TARGET_NAME)) {
                return target.run;
            }
        }
        qFatal("no fuzz target %s", FUZZ_TARGET_NAME);
    }();
    run(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
