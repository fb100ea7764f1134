<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandJob</name>
    <message>
        <source>Could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The %1 process crashed.</source>
        <translation>Der Prozess %1 ist abgestürzt.</translation>
    </message>
    <message>
        <source>%1 failed with exit code %2.</source>
        <translation>%1 ist mit Exit-Code %2 fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>DemoEnvironment</name>
    <message>
        <source>Demo sign-in: user “%1”, password “%2”, MFA code from TOTP secret %3; or user “%4”, password “%5”.</source>
        <translation>Demo-Anmeldung: Benutzer „%1“, Passwort „%2“, MFA-Code aus dem TOTP-Geheimnis %3; oder Benutzer „%4“, Passwort „%5“.</translation>
    </message>
    <message>
        <source>Cannot create the demo&apos;s directory: %1.</source>
        <translation>Das Verzeichnis für die Demo kann nicht angelegt werden: %1.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot start the simulator: %1.</source>
        <translation>Der Simulator kann nicht gestartet werden: %1.</translation>
    </message>
    <message>
        <source>The simulator did not start; see %1.</source>
        <translation>Der Simulator wurde nicht gestartet; siehe %1.</translation>
    </message>
</context>
<context>
    <name>DialogCodePrompt</name>
    <message>
        <source>AWS sign-in: MFA code</source>
        <translation>AWS-Anmeldung: MFA-Code</translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app.</source>
        <translation>Geben Sie den Code aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app for %1.</source>
        <translation>Geben Sie den Code aus Ihrer Authenticator-App für %1 ein.</translation>
    </message>
    <message>
        <source>The portal did not accept the code. Wait for the next one and enter it.</source>
        <translation>Das Portal hat den Code nicht akzeptiert. Warten Sie auf den nächsten Code und geben Sie ihn ein.</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>6-stelliger Code</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>The MFA code was not entered; the sign-in was cancelled.</source>
        <translation>Es wurde kein MFA-Code eingegeben; die Anmeldung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>aws-sso-tray Settings</source>
        <translation>aws-sso-tray-Einstellungen</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>Sign-&amp;in</source>
        <translation>A&amp;nmeldung</translation>
    </message>
    <message>
        <source>Start aws-sso-tray when I log in to the desktop</source>
        <translation>aws-sso-tray bei der Anmeldung am Desktop starten</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>&amp;Warn before a session expires:</source>
        <translation>Vor Ablauf einer Sitzung &amp;warnen:</translation>
    </message>
    <message>
        <source>Show the sign-in window when the sign-in needs me</source>
        <translation>Anmeldefenster anzeigen, wenn eine Eingabe von mir nötig ist</translation>
    </message>
    <message>
        <source>For pages the automatic sign-in does not know, such as an external identity provider. When off, such a login fails with a notification.</source>
        <translation>Für Seiten, die die automatische Anmeldung nicht kennt, etwa die eines externen Identitätsanbieters. Wenn ausgeschaltet, schlägt eine solche Anmeldung mit einer Benachrichtigung fehl.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>S&amp;ession:</source>
        <translation>&amp;Sitzung:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>The base32 secret or otpauth:// URI of your authenticator app, to answer MFA codes by itself. Leave empty to be asked for each code.</source>
        <translation>Das Base32-Geheimnis oder die otpauth://-URI Ihrer Authenticator-App, um MFA-Codes selbstständig zu beantworten. Leer lassen, um bei jedem Code gefragt zu werden.</translation>
    </message>
    <message>
        <source>&amp;TOTP secret (optional):</source>
        <translation>&amp;TOTP-Geheimnis (optional):</translation>
    </message>
    <message>
        <source>Save to &amp;keychain</source>
        <translation>Im Sch&amp;lüsselbund speichern</translation>
    </message>
    <message>
        <source>&amp;Forget stored secrets</source>
        <translation>Gespeicherte Zugangsdaten &amp;vergessen</translation>
    </message>
    <message>
        <source>https://login.example-idp.com (one origin per line)</source>
        <translation>https://login.example-idp.com (ein Ursprung pro Zeile)</translation>
    </message>
    <message>
        <source>Origins of an external identity provider that may receive your username and password, besides the start URL&apos;s and AWS&apos;s own sign-in pages.</source>
        <translation>Ursprünge eines externen Identitätsanbieters, die neben den Anmeldeseiten der Start-URL und von AWS selbst Ihren Benutzernamen und Ihr Passwort erhalten dürfen.</translation>
    </message>
    <message>
        <source>Trusted &amp;identity providers:</source>
        <translation>Vertrauenswürdige &amp;Identitätsanbieter:</translation>
    </message>
    <message>
        <source>Log in again automatically before the session expires</source>
        <translation>Vor Ablauf der Sitzung automatisch erneut anmelden</translation>
    </message>
    <message>
        <source>No SSO sessions in the AWS config yet.</source>
        <translation>Noch keine SSO-Sitzungen in der AWS-Konfiguration.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>%1 Secrets cannot be stored, and aws-sso-tray never keeps them in plain text: the sign-in will ask for them in its window.</source>
        <translation>%1 Zugangsdaten können nicht gespeichert werden, und aws-sso-tray speichert sie nie im Klartext: Die Anmeldung fragt in ihrem Fenster danach.</translation>
    </message>
    <message>
        <source>stored — type to replace</source>
        <translation>gespeichert – zum Ersetzen eingeben</translation>
    </message>
    <message>
        <source>Secrets for this start URL are stored in %1.</source>
        <translation>Die Zugangsdaten für diese Start-URL sind in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Nothing stored for this start URL yet.</source>
        <translation>Für diese Start-URL ist noch nichts gespeichert.</translation>
    </message>
    <message>
        <source>Needs a stored password and TOTP secret.</source>
        <translation>Erfordert ein gespeichertes Passwort und TOTP-Geheimnis.</translation>
    </message>
    <message>
        <source>The TOTP secret is not usable: %1</source>
        <translation>Das TOTP-Geheimnis ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>Enter the username that goes with the password.</source>
        <translation>Geben Sie den zum Passwort gehörenden Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Saving to %1…</source>
        <translation>Wird in %1 gespeichert…</translation>
    </message>
    <message>
        <source>Removing from %1…</source>
        <translation>Wird aus %1 entfernt…</translation>
    </message>
    <message>
        <source>Not trusted (an https origin is needed): %1</source>
        <translation>Nicht vertrauenswürdig (ein https-Ursprung ist erforderlich): %1</translation>
    </message>
</context>
<context>
    <name>TerminalCodePrompt</name>
    <message>
        <source>The sign-in asks for an MFA code, but there is no terminal to ask on and no TOTP secret is stored; store one with aws-sso-tray secret set-totp.</source>
        <translation>Die Anmeldung verlangt einen MFA-Code, aber es gibt weder ein Terminal für die Abfrage noch ein gespeichertes TOTP-Geheimnis; speichern Sie eines mit aws-sso-tray secret set-totp.</translation>
    </message>
    <message>
        <source>MFA code (the last one was not accepted): </source>
        <translation>MFA-Code (der letzte wurde nicht akzeptiert): </translation>
    </message>
    <message>
        <source>MFA code: </source>
        <translation>MFA-Code: </translation>
    </message>
    <message>
        <source>Cannot write the MFA prompt to the terminal.</source>
        <translation>Die MFA-Abfrage kann nicht ins Terminal geschrieben werden.</translation>
    </message>
    <message>
        <source>No MFA code was entered.</source>
        <translation>Es wurde kein MFA-Code eingegeben.</translation>
    </message>
</context>
<context>
    <name>TrayApp</name>
    <message>
        <source>aws-sso-tray: this desktop has no system tray to show the icon in; use the command line instead (aws-sso-tray --help).</source>
        <translation>aws-sso-tray: Dieser Desktop hat keine Systemleiste, in der das Symbol angezeigt werden kann; verwenden Sie stattdessen die Befehlszeile (aws-sso-tray --help).</translation>
    </message>
    <message>
        <source>aws-sso-tray is already running</source>
        <translation>aws-sso-tray läuft bereits</translation>
    </message>
    <message>
        <source>Its icon is in the system tray; click it for your AWS sessions.</source>
        <translation>Das Symbol befindet sich in der Systemleiste; klicken Sie darauf, um Ihre AWS-Sitzungen zu sehen.</translation>
    </message>
    <message>
        <source>Touch your security key</source>
        <translation>Berühren Sie Ihren Sicherheitsschlüssel</translation>
    </message>
    <message>
        <source>to sign in to %1.</source>
        <translation>um sich bei %1 anzumelden.</translation>
    </message>
    <message>
        <source>%1 needs you</source>
        <translation>%1 benötigt Ihre Eingabe</translation>
    </message>
    <message>
        <source>%1 Finish the sign-in in the window that opened.</source>
        <translation>%1 Schließen Sie die Anmeldung im geöffneten Fenster ab.</translation>
    </message>
    <message>
        <source>Logged in to %1</source>
        <translation>Bei %1 angemeldet</translation>
    </message>
    <message>
        <source>Valid until %1.</source>
        <translation>Gültig bis %1.</translation>
    </message>
    <message>
        <source>Automatic login to %1 failed</source>
        <translation>Automatische Anmeldung bei %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Login to %1 failed</source>
        <translation>Anmeldung bei %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Logged out of %1</source>
        <translation>Von %1 abgemeldet</translation>
    </message>
    <message>
        <source>Its cached token was removed.</source>
        <translation>Das zwischengespeicherte Token wurde entfernt.</translation>
    </message>
    <message>
        <source>Logout of %1 failed</source>
        <translation>Abmeldung von %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 could not be refreshed</source>
        <translation>%1 konnte nicht aktualisiert werden</translation>
    </message>
    <message>
        <source>%1 Log in again before it expires.</source>
        <translation>%1 Melden Sie sich erneut an, bevor die Sitzung abläuft.</translation>
    </message>
    <message>
        <source>Log in now</source>
        <translation>Jetzt anmelden</translation>
    </message>
    <message numerus="yes">
        <source>%1 expires in %n min</source>
        <translation>
            <numerusform>%1 läuft in %n Min. ab</numerusform>
            <numerusform>%1 läuft in %n Min. ab</numerusform>
        </translation>
    </message>
    <message>
        <source>The AWS SSO session ends at %1; log in again to keep working.</source>
        <translation>Die AWS-SSO-Sitzung endet um %1; melden Sie sich erneut an, um weiterzuarbeiten.</translation>
    </message>
    <message>
        <source>%1 has expired</source>
        <translation>%1 ist abgelaufen</translation>
    </message>
    <message>
        <source>AWS tools using it will fail until you log in again.</source>
        <translation>AWS-Tools, die sie verwenden, schlagen fehl, bis Sie sich erneut anmelden.</translation>
    </message>
    <message>
        <source>Start at login could not be changed</source>
        <translation>„Beim Anmelden starten“ konnte nicht geändert werden</translation>
    </message>
    <message>
        <source>AWS console opened</source>
        <translation>AWS-Konsole geöffnet</translation>
    </message>
    <message>
        <source>Signed in as profile %1 in your browser.</source>
        <translation>Im Browser als Profil %1 angemeldet.</translation>
    </message>
    <message>
        <source>The AWS console for %1 could not be opened</source>
        <translation>Die AWS-Konsole für %1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Profiles added for %1</source>
        <translation>Profile für %1 hinzugefügt</translation>
    </message>
    <message>
        <source>Every account and role of %1 has a profile in the AWS config now.</source>
        <translation>Jedes Konto und jede Rolle von %1 hat jetzt ein Profil in der AWS-Konfiguration.</translation>
    </message>
    <message>
        <source>Profiles for %1 could not be added</source>
        <translation>Profile für %1 konnten nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>The credentials file could not be updated</source>
        <translation>Die Zugangsdaten-Datei konnte nicht aktualisiert werden</translation>
    </message>
</context>
<context>
    <name>TrayMain</name>
    <message>
        <source>aws-sso-tray is already running; its icon is in the system tray.</source>
        <translation>aws-sso-tray läuft bereits; das Symbol befindet sich in der Systemleiste.</translation>
    </message>
    <message>
        <source>aws-sso-tray: another instance is starting or not answering; try again in a moment.</source>
        <translation>aws-sso-tray: Eine andere Instanz wird gerade gestartet oder antwortet nicht; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Demo: the simulator and a throwaway home are in %1.</source>
        <translation>Demo: Der Simulator und ein Wegwerf-Home-Verzeichnis befinden sich in %1.</translation>
    </message>
    <message>
        <source>No keychain for the demo&apos;s passwords</source>
        <translation>Kein Schlüsselbund für die Passwörter der Demo</translation>
    </message>
</context>
<context>
    <name>TrayMenu</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Cannot read the AWS config: %1</source>
        <translation>AWS-Konfiguration kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No SSO profiles in the AWS config</source>
        <translation>Keine SSO-Profile in der AWS-Konfiguration</translation>
    </message>
    <message>
        <source>Add one with “aws configure sso”</source>
        <translation>Fügen Sie eines mit „aws configure sso“ hinzu</translation>
    </message>
    <message>
        <source>Problems in the AWS config (%1)</source>
        <translation>Probleme in der AWS-Konfiguration (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Log in to &amp;all</source>
        <translation>Bei &amp;allen anmelden</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Start at &amp;login</source>
        <translation>Beim Anmelden &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Profiles (%1)</source>
        <translation>Profile (%1)</translation>
    </message>
    <message>
        <source>Log in to %1 for profile %2</source>
        <translation>Für Profil %2 bei %1 anmelden</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>Log out of %1</source>
        <translation>Von %1 abmelden</translation>
    </message>
    <message>
        <source>Start at &amp;login (not in the demo)</source>
        <translation>Beim Anmelden &amp;starten (nicht in der Demo)</translation>
    </message>
    <message>
        <source>Open AWS console</source>
        <translation>AWS-Konsole öffnen</translation>
    </message>
    <message>
        <source>Add profiles for all my roles</source>
        <translation>Profile für alle meine Rollen hinzufügen</translation>
    </message>
    <message>
        <source>Writes a profile into the AWS config for every account and role this session can use; existing profiles are left as they are.</source>
        <translation>Schreibt für jedes Konto und jede Rolle, die diese Sitzung nutzen kann, ein Profil in die AWS-Konfiguration; vorhandene Profile bleiben unverändert.</translation>
    </message>
</context>
<context>
    <name>TrayMenuModel</name>
    <message>
        <source>AWS SSO: no SSO profiles configured</source>
        <translation>AWS SSO: keine SSO-Profile konfiguriert</translation>
    </message>
    <message>
        <source>AWS SSO</source>
        <translation>AWS SSO</translation>
    </message>
    <message>
        <source>signing in…</source>
        <translation>wird angemeldet…</translation>
    </message>
    <message>
        <source>signing in: %1</source>
        <translation>wird angemeldet: %1</translation>
    </message>
    <message>
        <source>login failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>not logged in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>gültig bis %1</translation>
    </message>
    <message numerus="yes">
        <source>expires in %n min</source>
        <translation>
            <numerusform>läuft in %n Min. ab</numerusform>
            <numerusform>läuft in %n Min. ab</numerusform>
        </translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>cache file unreadable: %1</source>
        <translation>Cache-Datei nicht lesbar: %1</translation>
    </message>
</context>
<context>
    <name>WebAuthUxHandler</name>
    <message>
        <source>The security key was not used in time.</source>
        <translation>Der Sicherheitsschlüssel wurde nicht rechtzeitig verwendet.</translation>
    </message>
    <message>
        <source>This security key is not registered for this sign-in; use the key you registered with IAM Identity Center.</source>
        <translation>Dieser Sicherheitsschlüssel ist für diese Anmeldung nicht registriert; verwenden Sie den Schlüssel, den Sie bei IAM Identity Center registriert haben.</translation>
    </message>
    <message>
        <source>This security key is already registered.</source>
        <translation>Dieser Sicherheitsschlüssel ist bereits registriert.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: remove the security key, insert it again and retry.</source>
        <translation>Zu viele falsche PINs: Ziehen Sie den Sicherheitsschlüssel ab, stecken Sie ihn wieder ein und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The security key is locked after too many wrong PINs; it must be reset.</source>
        <translation>Der Sicherheitsschlüssel ist nach zu vielen falschen PINs gesperrt und muss zurückgesetzt werden.</translation>
    </message>
    <message>
        <source>The security key was removed while the PIN was entered.</source>
        <translation>Der Sicherheitsschlüssel wurde während der PIN-Eingabe abgezogen.</translation>
    </message>
    <message>
        <source>This security key cannot do what the sign-in asks of it.</source>
        <translation>Dieser Sicherheitsschlüssel kann nicht, was die Anmeldung von ihm verlangt.</translation>
    </message>
    <message>
        <source>The security key has no room for another credential.</source>
        <translation>Auf dem Sicherheitsschlüssel ist kein Platz für weitere Zugangsdaten.</translation>
    </message>
    <message>
        <source>The security key request was cancelled.</source>
        <translation>Die Anfrage an den Sicherheitsschlüssel wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The security key request failed.</source>
        <translation>Die Anfrage an den Sicherheitsschlüssel ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The key&apos;s fingerprint check is locked; enter its PIN instead.</source>
        <translation>Die Fingerabdruckprüfung des Schlüssels ist gesperrt; geben Sie stattdessen seine PIN ein.</translation>
    </message>
    <message>
        <source>That PIN was wrong.</source>
        <translation>Diese PIN war falsch.</translation>
    </message>
    <message>
        <source>That PIN is too short.</source>
        <translation>Diese PIN ist zu kurz.</translation>
    </message>
    <message>
        <source>That PIN has characters the key does not accept.</source>
        <translation>Diese PIN enthält Zeichen, die der Schlüssel nicht akzeptiert.</translation>
    </message>
    <message>
        <source>The new PIN must differ from the current one.</source>
        <translation>Die neue PIN muss sich von der aktuellen unterscheiden.</translation>
    </message>
    <message>
        <source>The security key holds several accounts; choose one by signing in from the tray or with --show-browser.</source>
        <translation>Der Sicherheitsschlüssel enthält mehrere Konten; wählen Sie eines, indem Sie sich über das Symbol in der Taskleiste oder mit --show-browser anmelden.</translation>
    </message>
    <message>
        <source>AWS sign-in: security key</source>
        <translation>AWS-Anmeldung: Sicherheitsschlüssel</translation>
    </message>
    <message>
        <source>Which account on the security key signs in to %1?</source>
        <translation>Welches Konto auf dem Sicherheitsschlüssel soll sich bei %1 anmelden?</translation>
    </message>
    <message>
        <source>The security key needs its PIN; sign in from the tray or with --show-browser to enter it.</source>
        <translation>Der Sicherheitsschlüssel braucht seine PIN; melden Sie sich über das Symbol in der Taskleiste oder mit --show-browser an, um sie einzugeben.</translation>
    </message>
    <message>
        <source>Enter the PIN of your security key.</source>
        <translation>Geben Sie die PIN Ihres Sicherheitsschlüssels ein.</translation>
    </message>
    <message>
        <source>The sign-in asks to set a PIN on your security key; set it with the key&apos;s own tool first.</source>
        <translation>Die Anmeldung verlangt eine PIN auf Ihrem Sicherheitsschlüssel; legen Sie diese zuerst mit dem Werkzeug des Schlüssels fest.</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left before the key locks.</source>
        <translation>
            <numerusform>Noch %n Versuch, bevor der Schlüssel gesperrt wird.</numerusform>
            <numerusform>Noch %n Versuche, bevor der Schlüssel gesperrt wird.</numerusform>
        </translation>
    </message>
    <message>
        <source>AWS sign-in: security key PIN</source>
        <translation>AWS-Anmeldung: PIN des Sicherheitsschlüssels</translation>
    </message>
</context>
</TS>
