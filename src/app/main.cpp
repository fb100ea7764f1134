#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream(stdout) << "aws-sso-tray " << AWS_SSO_TRAY_VERSION << '\n';
    return 0;
}
