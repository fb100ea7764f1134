#include "SimSignInSettings.h"

#include "SimJsonReader.h"

namespace {

constexpr int StandardRenderDelayMs = 300;
constexpr int AlternateRenderDelayMs = 800;
constexpr int MaximumDelayMs = 60 * 1000;

const QString ClassicName = QStringLiteral("classic");
const QString CloudscapeName = QStringLiteral("cloudscape");
const QString MixedName = QStringLiteral("mixed");

void readGeneration(SimJsonReader &reader, const QString &key, SimSignInSettings::Generation &target,
                    bool allowMixed)
{
    if (!reader.has(key)) {
        return;
    }
    QString name;
    reader.readString(key, name);
    if (name == ClassicName) {
        target = SimSignInSettings::Generation::Classic;
    } else if (name == CloudscapeName) {
        target = SimSignInSettings::Generation::Cloudscape;
    } else if (name == MixedName && allowMixed) {
        target = SimSignInSettings::Generation::Mixed;
    } else if (!reader.failed()) {
        reader.fail(
            key,
            allowMixed
                ? QStringLiteral("must be \"classic\", \"cloudscape\" or \"mixed\", not \"%1\"").arg(name)
                : QStringLiteral("must be \"classic\" or \"cloudscape\", not \"%1\"").arg(name));
    }
}

} // namespace

SimSignInSettings::Generation SimSignInSettings::generationFor(PageGroup group) const
{
    if (generation != Generation::Mixed) {
        return generation;
    }
    switch (group) {
    case PageGroup::Device:
        return mixedDevice;
    case PageGroup::SignIn:
        return mixedSignIn;
    case PageGroup::Consent:
        return mixedConsent;
    case PageGroup::Success:
        break;
    }
    return mixedSuccess;
}

int SimSignInSettings::effectiveRenderDelayMs() const
{
    if (renderDelayMs >= 0) {
        return renderDelayMs;
    }
    return variant == Variant::Alternate ? AlternateRenderDelayMs : StandardRenderDelayMs;
}

SimSignInSettings SimSignInSettings::read(SimJsonReader &reader, const SimSignInSettings &base)
{
    SimSignInSettings settings = base;
    reader.rejectUnknownKeys({QStringLiteral("generation"), QStringLiteral("mixed"),
                              QStringLiteral("variant"), QStringLiteral("renderDelayMs"),
                              QStringLiteral("metadataDelayMs"), QStringLiteral("cookieBanner"),
                              QStringLiteral("phishingOrigin"), QStringLiteral("wrongState")});
    readGeneration(reader, QStringLiteral("generation"), settings.generation, true);
    if (reader.has(QStringLiteral("mixed"))) {
        SimJsonReader mixed =
            reader.nested(reader.readObject(QStringLiteral("mixed")), reader.pathOf(QStringLiteral("mixed")));
        mixed.rejectUnknownKeys({QStringLiteral("device"), QStringLiteral("signIn"),
                                 QStringLiteral("consent"), QStringLiteral("success")});
        readGeneration(mixed, QStringLiteral("device"), settings.mixedDevice, false);
        readGeneration(mixed, QStringLiteral("signIn"), settings.mixedSignIn, false);
        readGeneration(mixed, QStringLiteral("consent"), settings.mixedConsent, false);
        readGeneration(mixed, QStringLiteral("success"), settings.mixedSuccess, false);
    }
    if (reader.has(QStringLiteral("variant"))) {
        QString name;
        reader.readString(QStringLiteral("variant"), name);
        if (name == QLatin1String("standard")) {
            settings.variant = Variant::Standard;
        } else if (name == QLatin1String("alternate")) {
            settings.variant = Variant::Alternate;
        } else if (!reader.failed()) {
            reader.fail(QStringLiteral("variant"),
                        QStringLiteral("must be \"standard\" or \"alternate\", not \"%1\"").arg(name));
        }
    }
    // null brings back the variant's own delay.
    if (reader.has(QStringLiteral("renderDelayMs")) && reader.isNull(QStringLiteral("renderDelayMs"))) {
        settings.renderDelayMs = -1;
    } else {
        reader.readInt(QStringLiteral("renderDelayMs"), settings.renderDelayMs, 0, MaximumDelayMs);
    }
    reader.readInt(QStringLiteral("metadataDelayMs"), settings.metadataDelayMs, 0, MaximumDelayMs);
    reader.readBool(QStringLiteral("cookieBanner"), settings.cookieBanner);
    reader.readBool(QStringLiteral("phishingOrigin"), settings.phishingOrigin);
    reader.readBool(QStringLiteral("wrongState"), settings.wrongState);
    return settings;
}

Result<SimSignInSettings> SimSignInSettings::fromJson(const QJsonObject &json, const SimSignInSettings &base)
{
    SimJsonReader reader(json, QStringLiteral("signInPages"));
    const SimSignInSettings settings = read(reader, base);
    if (reader.failed()) {
        return SsoError(SsoError::Kind::Config,
                        QStringLiteral("The sign-in page settings are invalid: %1.").arg(reader.problem()));
    }
    return settings;
}

QJsonObject SimSignInSettings::toJson() const
{
    return QJsonObject{
        {QStringLiteral("generation"), generationName(generation)},
        {QStringLiteral("mixed"), QJsonObject{{QStringLiteral("device"), generationName(mixedDevice)},
                                              {QStringLiteral("signIn"), generationName(mixedSignIn)},
                                              {QStringLiteral("consent"), generationName(mixedConsent)},
                                              {QStringLiteral("success"), generationName(mixedSuccess)}}},
        {QStringLiteral("variant"), variantName(variant)},
        {QStringLiteral("renderDelayMs"), renderDelayMs < 0 ? QJsonValue(QJsonValue::Null) : renderDelayMs},
        {QStringLiteral("metadataDelayMs"), metadataDelayMs},
        {QStringLiteral("cookieBanner"), cookieBanner},
        {QStringLiteral("phishingOrigin"), phishingOrigin},
        {QStringLiteral("wrongState"), wrongState},
    };
}

QString SimSignInSettings::generationName(Generation generation)
{
    switch (generation) {
    case Generation::Classic:
        return ClassicName;
    case Generation::Mixed:
        return MixedName;
    case Generation::Cloudscape:
        break;
    }
    return CloudscapeName;
}

QString SimSignInSettings::variantName(Variant variant)
{
    return variant == Variant::Alternate ? QStringLiteral("alternate") : QStringLiteral("standard");
}
