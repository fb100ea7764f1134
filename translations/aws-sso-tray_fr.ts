<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CommandJob</name>
    <message>
        <source>Could not start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 process crashed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed with exit code %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoEnvironment</name>
    <message>
        <source>Demo sign-in: user “%1”, password “%2”, MFA code from TOTP secret %3; or user “%4”, password “%5”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the demo&apos;s directory: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the simulator: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The simulator did not start; see %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DialogCodePrompt</name>
    <message>
        <source>AWS sign-in: MFA code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal did not accept the code. Wait for the next one and enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MFA code was not entered; the sign-in was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>aws-sso-tray Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-&amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start aws-sso-tray when I log in to the desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Warn before a session expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the sign-in window when the sign-in needs me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For pages the automatic sign-in does not know, such as an external identity provider. When off, such a login fails with a notification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ession:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base32 secret or otpauth:// URI of your authenticator app, to answer MFA codes by itself. Leave empty to be asked for each code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TOTP secret (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to &amp;keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget stored secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://login.example-idp.com (one origin per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origins of an external identity provider that may receive your username and password, besides the start URL&apos;s and AWS&apos;s own sign-in pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted &amp;identity providers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in again automatically before the session expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SSO sessions in the AWS config yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Secrets cannot be stored, and aws-sso-tray never keeps them in plain text: the sign-in will ask for them in its window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored — type to replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets for this start URL are stored in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing stored for this start URL yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a stored password and TOTP secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TOTP secret is not usable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the username that goes with the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing from %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not trusted (an https origin is needed): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalCodePrompt</name>
    <message>
        <source>The sign-in asks for an MFA code, but there is no terminal to ask on and no TOTP secret is stored; store one with aws-sso-tray secret set-totp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA code (the last one was not accepted): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA code: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the MFA prompt to the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No MFA code was entered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayApp</name>
    <message>
        <source>aws-sso-tray: this desktop has no system tray to show the icon in; use the command line instead (aws-sso-tray --help).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aws-sso-tray is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its icon is in the system tray; click it for your AWS sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch your security key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to sign in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Finish the sign-in in the window that opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic login to %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login to %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged out of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its cached token was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logout of %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be refreshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Log in again before it expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 expires in %n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The AWS SSO session ends at %1; log in again to keep working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS tools using it will fail until you log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login could not be changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayMain</name>
    <message>
        <source>aws-sso-tray is already running; its icon is in the system tray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aws-sso-tray: another instance is starting or not answering; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: the simulator and a throwaway home are in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain for the demo&apos;s passwords</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayMenu</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the AWS config: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SSO profiles in the AWS config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add one with “aws configure sso”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in the AWS config (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at &amp;login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to %1 for profile %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayMenuModel</name>
    <message>
        <source>AWS SSO: no SSO profiles configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS SSO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signing in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>expires in %n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cache file unreadable: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
