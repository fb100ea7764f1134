<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CommandJob</name>
    <message>
        <source>Could not start %1: %2</source>
        <translation>Impossible de démarrer %1 : %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>The %1 process crashed.</source>
        <translation>Le processus %1 a planté.</translation>
    </message>
    <message>
        <source>%1 failed with exit code %2.</source>
        <translation>%1 a échoué avec le code de sortie %2.</translation>
    </message>
</context>
<context>
    <name>DemoEnvironment</name>
    <message>
        <source>Demo sign-in: user “%1”, password “%2”, MFA code from TOTP secret %3; or user “%4”, password “%5”.</source>
        <translation>Connexion de démonstration : utilisateur « %1 », mot de passe « %2 », code MFA issu du secret TOTP %3 ; ou utilisateur « %4 », mot de passe « %5 ».</translation>
    </message>
    <message>
        <source>Cannot create the demo&apos;s directory: %1.</source>
        <translation>Impossible de créer le dossier de la démo : %1.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d&apos;écrire %1.</translation>
    </message>
    <message>
        <source>Cannot start the simulator: %1.</source>
        <translation>Impossible de démarrer le simulateur : %1.</translation>
    </message>
    <message>
        <source>The simulator did not start; see %1.</source>
        <translation>Le simulateur n&apos;a pas démarré ; voir %1.</translation>
    </message>
</context>
<context>
    <name>DialogCodePrompt</name>
    <message>
        <source>AWS sign-in: MFA code</source>
        <translation>Connexion AWS : code MFA</translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app.</source>
        <translation>Saisissez le code de votre application d&apos;authentification.</translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app for %1.</source>
        <translation>Saisissez le code de votre application d&apos;authentification pour %1.</translation>
    </message>
    <message>
        <source>The portal did not accept the code. Wait for the next one and enter it.</source>
        <translation>Le portail n&apos;a pas accepté le code. Attendez le suivant et saisissez-le.</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>Code à 6 chiffres</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>The MFA code was not entered; the sign-in was cancelled.</source>
        <translation>Le code MFA n&apos;a pas été saisi ; la connexion a été annulée.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>aws-sso-tray Settings</source>
        <translation>Paramètres d&apos;aws-sso-tray</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>Sign-&amp;in</source>
        <translation>Co&amp;nnexion</translation>
    </message>
    <message>
        <source>Start aws-sso-tray when I log in to the desktop</source>
        <translation>Lancer aws-sso-tray à la connexion au bureau</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Warn before a session expires:</source>
        <translation>&amp;Avertir avant l&apos;expiration d&apos;une session :</translation>
    </message>
    <message>
        <source>Show the sign-in window when the sign-in needs me</source>
        <translation>Afficher la fenêtre de connexion quand mon intervention est nécessaire</translation>
    </message>
    <message>
        <source>For pages the automatic sign-in does not know, such as an external identity provider. When off, such a login fails with a notification.</source>
        <translation>Pour les pages que la connexion automatique ne connaît pas, comme celles d&apos;un fournisseur d&apos;identité externe. Si l&apos;option est désactivée, une telle connexion échoue avec une notification.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>S&amp;ession:</source>
        <translation>&amp;Session :</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Nom d&apos;&amp;utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>The base32 secret or otpauth:// URI of your authenticator app, to answer MFA codes by itself. Leave empty to be asked for each code.</source>
        <translation>Le secret base32 ou l&apos;URI otpauth:// de votre application d&apos;authentification, pour répondre seul aux demandes de code MFA. Laissez vide pour que chaque code vous soit demandé.</translation>
    </message>
    <message>
        <source>&amp;TOTP secret (optional):</source>
        <translation>Secret &amp;TOTP (facultatif) :</translation>
    </message>
    <message>
        <source>Save to &amp;keychain</source>
        <translation>En&amp;registrer dans le trousseau</translation>
    </message>
    <message>
        <source>&amp;Forget stored secrets</source>
        <translation>&amp;Oublier les identifiants enregistrés</translation>
    </message>
    <message>
        <source>https://login.example-idp.com (one origin per line)</source>
        <translation>https://login.example-idp.com (une origine par ligne)</translation>
    </message>
    <message>
        <source>Origins of an external identity provider that may receive your username and password, besides the start URL&apos;s and AWS&apos;s own sign-in pages.</source>
        <translation>Origines d&apos;un fournisseur d&apos;identité externe autorisées à recevoir votre nom d&apos;utilisateur et votre mot de passe, en plus des pages de connexion de l&apos;URL de démarrage et d&apos;AWS.</translation>
    </message>
    <message>
        <source>Trusted &amp;identity providers:</source>
        <translation>Fournisseurs d&apos;&amp;identité de confiance :</translation>
    </message>
    <message>
        <source>Log in again automatically before the session expires</source>
        <translation>Se reconnecter automatiquement avant l&apos;expiration de la session</translation>
    </message>
    <message>
        <source>No SSO sessions in the AWS config yet.</source>
        <translation>Aucune session SSO dans la configuration AWS pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>%1 Secrets cannot be stored, and aws-sso-tray never keeps them in plain text: the sign-in will ask for them in its window.</source>
        <translation>%1 Les identifiants ne peuvent pas être enregistrés, et aws-sso-tray ne les conserve jamais en clair : la connexion vous les demandera dans sa fenêtre.</translation>
    </message>
    <message>
        <source>stored — type to replace</source>
        <translation>enregistré — saisissez pour remplacer</translation>
    </message>
    <message>
        <source>Secrets for this start URL are stored in %1.</source>
        <translation>Les identifiants de cette URL de démarrage sont enregistrés dans %1.</translation>
    </message>
    <message>
        <source>Nothing stored for this start URL yet.</source>
        <translation>Rien n&apos;est encore enregistré pour cette URL de démarrage.</translation>
    </message>
    <message>
        <source>Needs a stored password and TOTP secret.</source>
        <translation>Nécessite un mot de passe et un secret TOTP enregistrés.</translation>
    </message>
    <message>
        <source>The TOTP secret is not usable: %1</source>
        <translation>Le secret TOTP n&apos;est pas utilisable : %1</translation>
    </message>
    <message>
        <source>Enter the username that goes with the password.</source>
        <translation>Saisissez le nom d&apos;utilisateur associé au mot de passe.</translation>
    </message>
    <message>
        <source>Saving to %1…</source>
        <translation>Enregistrement dans %1…</translation>
    </message>
    <message>
        <source>Removing from %1…</source>
        <translation>Suppression dans %1…</translation>
    </message>
    <message>
        <source>Not trusted (an https origin is needed): %1</source>
        <translation>Non approuvé (une origine https est requise) : %1</translation>
    </message>
</context>
<context>
    <name>TerminalCodePrompt</name>
    <message>
        <source>The sign-in asks for an MFA code, but there is no terminal to ask on and no TOTP secret is stored; store one with aws-sso-tray secret set-totp.</source>
        <translation>La connexion demande un code MFA, mais aucun terminal ne permet de le saisir et aucun secret TOTP n&apos;est enregistré ; enregistrez-en un avec aws-sso-tray secret set-totp.</translation>
    </message>
    <message>
        <source>MFA code (the last one was not accepted): </source>
        <translation>Code MFA (le précédent n&apos;a pas été accepté) : </translation>
    </message>
    <message>
        <source>MFA code: </source>
        <translation>Code MFA : </translation>
    </message>
    <message>
        <source>Cannot write the MFA prompt to the terminal.</source>
        <translation>Impossible d&apos;écrire la demande de code MFA dans le terminal.</translation>
    </message>
    <message>
        <source>No MFA code was entered.</source>
        <translation>Aucun code MFA n&apos;a été saisi.</translation>
    </message>
</context>
<context>
    <name>TrayApp</name>
    <message>
        <source>aws-sso-tray: this desktop has no system tray to show the icon in; use the command line instead (aws-sso-tray --help).</source>
        <translation>aws-sso-tray : ce bureau n&apos;a pas de zone de notification où afficher l&apos;icône ; utilisez plutôt la ligne de commande (aws-sso-tray --help).</translation>
    </message>
    <message>
        <source>aws-sso-tray is already running</source>
        <translation>aws-sso-tray est déjà en cours d&apos;exécution</translation>
    </message>
    <message>
        <source>Its icon is in the system tray; click it for your AWS sessions.</source>
        <translation>Son icône se trouve dans la zone de notification ; cliquez dessus pour accéder à vos sessions AWS.</translation>
    </message>
    <message>
        <source>Touch your security key</source>
        <translation>Touchez votre clé de sécurité</translation>
    </message>
    <message>
        <source>to sign in to %1.</source>
        <translation>pour vous connecter à %1.</translation>
    </message>
    <message>
        <source>%1 needs you</source>
        <translation>%1 a besoin de vous</translation>
    </message>
    <message>
        <source>%1 Finish the sign-in in the window that opened.</source>
        <translation>%1 Terminez la connexion dans la fenêtre qui s&apos;est ouverte.</translation>
    </message>
    <message>
        <source>Logged in to %1</source>
        <translation>Connecté à %1</translation>
    </message>
    <message>
        <source>Valid until %1.</source>
        <translation>Valide jusqu&apos;à %1.</translation>
    </message>
    <message>
        <source>Automatic login to %1 failed</source>
        <translation>Échec de la connexion automatique à %1</translation>
    </message>
    <message>
        <source>Login to %1 failed</source>
        <translation>Échec de la connexion à %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Logged out of %1</source>
        <translation>Déconnecté de %1</translation>
    </message>
    <message>
        <source>Its cached token was removed.</source>
        <translation>Son jeton en cache a été supprimé.</translation>
    </message>
    <message>
        <source>Logout of %1 failed</source>
        <translation>Échec de la déconnexion de %1</translation>
    </message>
    <message>
        <source>%1 could not be refreshed</source>
        <translation>Impossible d&apos;actualiser %1</translation>
    </message>
    <message>
        <source>%1 Log in again before it expires.</source>
        <translation>%1 Reconnectez-vous avant son expiration.</translation>
    </message>
    <message>
        <source>Log in now</source>
        <translation>Se connecter maintenant</translation>
    </message>
    <message numerus="yes">
        <source>%1 expires in %n min</source>
        <translation>
            <numerusform>%1 expire dans %n min</numerusform>
            <numerusform>%1 expire dans %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>The AWS SSO session ends at %1; log in again to keep working.</source>
        <translation>La session AWS SSO se termine à %1 ; reconnectez-vous pour continuer à travailler.</translation>
    </message>
    <message>
        <source>%1 has expired</source>
        <translation>%1 a expiré</translation>
    </message>
    <message>
        <source>AWS tools using it will fail until you log in again.</source>
        <translation>Les outils AWS qui l&apos;utilisent échoueront jusqu&apos;à ce que vous vous reconnectiez.</translation>
    </message>
    <message>
        <source>Start at login could not be changed</source>
        <translation>Impossible de modifier le lancement à la connexion</translation>
    </message>
    <message>
        <source>AWS console opened</source>
        <translation>Console AWS ouverte</translation>
    </message>
    <message>
        <source>Signed in as profile %1 in your browser.</source>
        <translation>Connecté avec le profil %1 dans votre navigateur.</translation>
    </message>
    <message>
        <source>The AWS console for %1 could not be opened</source>
        <translation>Impossible d’ouvrir la console AWS pour %1</translation>
    </message>
    <message>
        <source>Profiles added for %1</source>
        <translation>Profils ajoutés pour %1</translation>
    </message>
    <message>
        <source>Every account and role of %1 has a profile in the AWS config now.</source>
        <translation>Chaque compte et chaque rôle de %1 a désormais un profil dans la configuration AWS.</translation>
    </message>
    <message>
        <source>Profiles for %1 could not be added</source>
        <translation>Impossible d’ajouter les profils pour %1</translation>
    </message>
    <message>
        <source>The credentials file could not be updated</source>
        <translation>Impossible de mettre à jour le fichier d’identifiants</translation>
    </message>
</context>
<context>
    <name>TrayMain</name>
    <message>
        <source>aws-sso-tray is already running; its icon is in the system tray.</source>
        <translation>aws-sso-tray est déjà en cours d&apos;exécution ; son icône se trouve dans la zone de notification.</translation>
    </message>
    <message>
        <source>aws-sso-tray: another instance is starting or not answering; try again in a moment.</source>
        <translation>aws-sso-tray : une autre instance est en cours de démarrage ou ne répond pas ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Demo: the simulator and a throwaway home are in %1.</source>
        <translation>Démo : le simulateur et un dossier personnel jetable se trouvent dans %1.</translation>
    </message>
    <message>
        <source>No keychain for the demo&apos;s passwords</source>
        <translation>Aucun trousseau pour les mots de passe de la démo</translation>
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
        <translation>Impossible de lire la configuration AWS : %1</translation>
    </message>
    <message>
        <source>No SSO profiles in the AWS config</source>
        <translation>Aucun profil SSO dans la configuration AWS</translation>
    </message>
    <message>
        <source>Add one with “aws configure sso”</source>
        <translation>Ajoutez-en un avec « aws configure sso »</translation>
    </message>
    <message>
        <source>Problems in the AWS config (%1)</source>
        <translation>Problèmes dans la configuration AWS (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Log in to &amp;all</source>
        <translation>Se connecter à &amp;toutes les sessions</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Start at &amp;login</source>
        <translation>Lancer à la &amp;connexion</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Profiles (%1)</source>
        <translation>Profils (%1)</translation>
    </message>
    <message>
        <source>Log in to %1 for profile %2</source>
        <translation>Se connecter à %1 pour le profil %2</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Annuler la connexion</translation>
    </message>
    <message>
        <source>Log out of %1</source>
        <translation>Se déconnecter de %1</translation>
    </message>
    <message>
        <source>Start at &amp;login (not in the demo)</source>
        <translation>Lancer à la &amp;connexion (pas dans la démo)</translation>
    </message>
    <message>
        <source>Open AWS console</source>
        <translation>Ouvrir la console AWS</translation>
    </message>
    <message>
        <source>Add profiles for all my roles</source>
        <translation>Ajouter des profils pour tous mes rôles</translation>
    </message>
    <message>
        <source>Writes a profile into the AWS config for every account and role this session can use; existing profiles are left as they are.</source>
        <translation>Écrit dans la configuration AWS un profil pour chaque compte et rôle utilisables par cette session ; les profils existants restent inchangés.</translation>
    </message>
</context>
<context>
    <name>TrayMenuModel</name>
    <message>
        <source>AWS SSO: no SSO profiles configured</source>
        <translation>AWS SSO : aucun profil SSO configuré</translation>
    </message>
    <message>
        <source>AWS SSO</source>
        <translation>AWS SSO</translation>
    </message>
    <message>
        <source>signing in…</source>
        <translation>connexion en cours…</translation>
    </message>
    <message>
        <source>signing in: %1</source>
        <translation>connexion en cours : %1</translation>
    </message>
    <message>
        <source>login failed: %1</source>
        <translation>échec de la connexion : %1</translation>
    </message>
    <message>
        <source>not logged in</source>
        <translation>non connectée</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>valide jusqu&apos;à %1</translation>
    </message>
    <message numerus="yes">
        <source>expires in %n min</source>
        <translation>
            <numerusform>expire dans %n min</numerusform>
            <numerusform>expire dans %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <source>cache file unreadable: %1</source>
        <translation>fichier de cache illisible : %1</translation>
    </message>
</context>
<context>
    <name>WebAuthUxHandler</name>
    <message>
        <source>The security key was not used in time.</source>
        <translation>La clé de sécurité n’a pas été utilisée à temps.</translation>
    </message>
    <message>
        <source>This security key is not registered for this sign-in; use the key you registered with IAM Identity Center.</source>
        <translation>Cette clé de sécurité n’est pas enregistrée pour cette connexion ; utilisez la clé enregistrée auprès d’IAM Identity Center.</translation>
    </message>
    <message>
        <source>This security key is already registered.</source>
        <translation>Cette clé de sécurité est déjà enregistrée.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: remove the security key, insert it again and retry.</source>
        <translation>Trop de codes PIN erronés : retirez la clé de sécurité, réinsérez-la et réessayez.</translation>
    </message>
    <message>
        <source>The security key is locked after too many wrong PINs; it must be reset.</source>
        <translation>La clé de sécurité est bloquée après trop de codes PIN erronés ; elle doit être réinitialisée.</translation>
    </message>
    <message>
        <source>The security key was removed while the PIN was entered.</source>
        <translation>La clé de sécurité a été retirée pendant la saisie du code PIN.</translation>
    </message>
    <message>
        <source>This security key cannot do what the sign-in asks of it.</source>
        <translation>Cette clé de sécurité ne prend pas en charge ce que demande la connexion.</translation>
    </message>
    <message>
        <source>The security key has no room for another credential.</source>
        <translation>La clé de sécurité n’a plus de place pour un autre identifiant.</translation>
    </message>
    <message>
        <source>The security key request was cancelled.</source>
        <translation>La demande à la clé de sécurité a été annulée.</translation>
    </message>
    <message>
        <source>The security key request failed.</source>
        <translation>La demande à la clé de sécurité a échoué.</translation>
    </message>
    <message>
        <source>The key&apos;s fingerprint check is locked; enter its PIN instead.</source>
        <translation>La vérification d’empreinte de la clé est bloquée ; saisissez plutôt son code PIN.</translation>
    </message>
    <message>
        <source>That PIN was wrong.</source>
        <translation>Ce code PIN est incorrect.</translation>
    </message>
    <message>
        <source>That PIN is too short.</source>
        <translation>Ce code PIN est trop court.</translation>
    </message>
    <message>
        <source>That PIN has characters the key does not accept.</source>
        <translation>Ce code PIN contient des caractères refusés par la clé.</translation>
    </message>
    <message>
        <source>The new PIN must differ from the current one.</source>
        <translation>Le nouveau code PIN doit être différent de l’actuel.</translation>
    </message>
    <message>
        <source>The security key holds several accounts; choose one by signing in from the tray or with --show-browser.</source>
        <translation>La clé de sécurité contient plusieurs comptes ; choisissez-en un en vous connectant depuis la zone de notification ou avec --show-browser.</translation>
    </message>
    <message>
        <source>AWS sign-in: security key</source>
        <translation>Connexion AWS : clé de sécurité</translation>
    </message>
    <message>
        <source>Which account on the security key signs in to %1?</source>
        <translation>Quel compte de la clé de sécurité doit se connecter à %1 ?</translation>
    </message>
    <message>
        <source>The security key needs its PIN; sign in from the tray or with --show-browser to enter it.</source>
        <translation>La clé de sécurité demande son code PIN ; connectez-vous depuis la zone de notification ou avec --show-browser pour le saisir.</translation>
    </message>
    <message>
        <source>Enter the PIN of your security key.</source>
        <translation>Saisissez le code PIN de votre clé de sécurité.</translation>
    </message>
    <message>
        <source>The sign-in asks to set a PIN on your security key; set it with the key&apos;s own tool first.</source>
        <translation>La connexion demande de définir un code PIN sur votre clé de sécurité ; définissez-le d’abord avec l’outil de la clé.</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left before the key locks.</source>
        <translation>
            <numerusform>Encore %n tentative avant le blocage de la clé.</numerusform>
            <numerusform>Encore %n tentatives avant le blocage de la clé.</numerusform>
        </translation>
    </message>
    <message>
        <source>AWS sign-in: security key PIN</source>
        <translation>Connexion AWS : code PIN de la clé de sécurité</translation>
    </message>
</context>
</TS>
