<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>CommandJob</name>
    <message>
        <source>Could not start %1: %2</source>
        <translation>No se pudo iniciar %1: %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>The %1 process crashed.</source>
        <translation>El proceso %1 se cerró inesperadamente.</translation>
    </message>
    <message>
        <source>%1 failed with exit code %2.</source>
        <translation>%1 falló con el código de salida %2.</translation>
    </message>
</context>
<context>
    <name>DemoEnvironment</name>
    <message>
        <source>Demo sign-in: user “%1”, password “%2”, MFA code from TOTP secret %3; or user “%4”, password “%5”.</source>
        <translation>Inicio de sesión de demostración: usuario «%1», contraseña «%2», código MFA del secreto TOTP %3; o usuario «%4», contraseña «%5».</translation>
    </message>
    <message>
        <source>Cannot create the demo&apos;s directory: %1.</source>
        <translation>No se puede crear el directorio de la demo: %1.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>No se puede escribir %1.</translation>
    </message>
    <message>
        <source>Cannot start the simulator: %1.</source>
        <translation>No se puede iniciar el simulador: %1.</translation>
    </message>
    <message>
        <source>The simulator did not start; see %1.</source>
        <translation>El simulador no se inició; consulta %1.</translation>
    </message>
</context>
<context>
    <name>DialogCodePrompt</name>
    <message>
        <source>AWS sign-in: MFA code</source>
        <translation>Inicio de sesión en AWS: código MFA</translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app.</source>
        <translation>Introduce el código de tu aplicación de autenticación.</translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app for %1.</source>
        <translation>Introduce el código de tu aplicación de autenticación para %1.</translation>
    </message>
    <message>
        <source>The portal did not accept the code. Wait for the next one and enter it.</source>
        <translation>El portal no aceptó el código. Espera al siguiente e introdúcelo.</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>Código de 6 dígitos</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>The MFA code was not entered; the sign-in was cancelled.</source>
        <translation>No se introdujo el código MFA; se canceló el inicio de sesión.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>aws-sso-tray Settings</source>
        <translation>Configuración de aws-sso-tray</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>Sign-&amp;in</source>
        <translation>I&amp;nicio de sesión</translation>
    </message>
    <message>
        <source>Start aws-sso-tray when I log in to the desktop</source>
        <translation>Abrir aws-sso-tray al iniciar sesión en el escritorio</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Warn before a session expires:</source>
        <translation>&amp;Avisar antes de que caduque una sesión:</translation>
    </message>
    <message>
        <source>Show the sign-in window when the sign-in needs me</source>
        <translation>Mostrar la ventana de inicio de sesión cuando necesite mi intervención</translation>
    </message>
    <message>
        <source>For pages the automatic sign-in does not know, such as an external identity provider. When off, such a login fails with a notification.</source>
        <translation>Para páginas que el inicio de sesión automático no conoce, como las de un proveedor de identidad externo. Si se desactiva, ese inicio de sesión falla y se muestra una notificación.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>S&amp;ession:</source>
        <translation>&amp;Sesión:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>The base32 secret or otpauth:// URI of your authenticator app, to answer MFA codes by itself. Leave empty to be asked for each code.</source>
        <translation>El secreto base32 o la URI otpauth:// de tu aplicación de autenticación, para responder automáticamente a los códigos MFA. Déjalo vacío para que se te pida cada código.</translation>
    </message>
    <message>
        <source>&amp;TOTP secret (optional):</source>
        <translation>Secreto &amp;TOTP (opcional):</translation>
    </message>
    <message>
        <source>Save to &amp;keychain</source>
        <translation>Guardar en el &amp;llavero</translation>
    </message>
    <message>
        <source>&amp;Forget stored secrets</source>
        <translation>&amp;Olvidar las credenciales guardadas</translation>
    </message>
    <message>
        <source>https://login.example-idp.com (one origin per line)</source>
        <translation>https://login.example-idp.com (un origen por línea)</translation>
    </message>
    <message>
        <source>Origins of an external identity provider that may receive your username and password, besides the start URL&apos;s and AWS&apos;s own sign-in pages.</source>
        <translation>Orígenes de un proveedor de identidad externo que pueden recibir tu nombre de usuario y contraseña, además de las páginas de inicio de sesión de la URL de inicio y de AWS.</translation>
    </message>
    <message>
        <source>Trusted &amp;identity providers:</source>
        <translation>Proveedores de &amp;identidad de confianza:</translation>
    </message>
    <message>
        <source>Log in again automatically before the session expires</source>
        <translation>Volver a iniciar sesión automáticamente antes de que caduque la sesión</translation>
    </message>
    <message>
        <source>No SSO sessions in the AWS config yet.</source>
        <translation>Todavía no hay sesiones SSO en la configuración de AWS.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>%1 Secrets cannot be stored, and aws-sso-tray never keeps them in plain text: the sign-in will ask for them in its window.</source>
        <translation>%1 No se pueden guardar las credenciales, y aws-sso-tray nunca las guarda en texto plano: el inicio de sesión te las pedirá en su ventana.</translation>
    </message>
    <message>
        <source>stored — type to replace</source>
        <translation>guardado — escribe para reemplazarlo</translation>
    </message>
    <message>
        <source>Secrets for this start URL are stored in %1.</source>
        <translation>Las credenciales de esta URL de inicio están guardadas en %1.</translation>
    </message>
    <message>
        <source>Nothing stored for this start URL yet.</source>
        <translation>Todavía no hay nada guardado para esta URL de inicio.</translation>
    </message>
    <message>
        <source>Needs a stored password and TOTP secret.</source>
        <translation>Requiere una contraseña y un secreto TOTP guardados.</translation>
    </message>
    <message>
        <source>The TOTP secret is not usable: %1</source>
        <translation>El secreto TOTP no se puede usar: %1</translation>
    </message>
    <message>
        <source>Enter the username that goes with the password.</source>
        <translation>Introduce el nombre de usuario que corresponde a la contraseña.</translation>
    </message>
    <message>
        <source>Saving to %1…</source>
        <translation>Guardando en %1…</translation>
    </message>
    <message>
        <source>Removing from %1…</source>
        <translation>Eliminando de %1…</translation>
    </message>
    <message>
        <source>Not trusted (an https origin is needed): %1</source>
        <translation>No fiable (se requiere un origen https): %1</translation>
    </message>
</context>
<context>
    <name>TerminalCodePrompt</name>
    <message>
        <source>The sign-in asks for an MFA code, but there is no terminal to ask on and no TOTP secret is stored; store one with aws-sso-tray secret set-totp.</source>
        <translation>El inicio de sesión pide un código MFA, pero no hay ningún terminal donde pedirlo ni ningún secreto TOTP guardado; guarda uno con aws-sso-tray secret set-totp.</translation>
    </message>
    <message>
        <source>MFA code (the last one was not accepted): </source>
        <translation>Código MFA (el anterior no se aceptó): </translation>
    </message>
    <message>
        <source>MFA code: </source>
        <translation>Código MFA: </translation>
    </message>
    <message>
        <source>Cannot write the MFA prompt to the terminal.</source>
        <translation>No se puede escribir la solicitud del código MFA en el terminal.</translation>
    </message>
    <message>
        <source>No MFA code was entered.</source>
        <translation>No se introdujo ningún código MFA.</translation>
    </message>
</context>
<context>
    <name>TrayApp</name>
    <message>
        <source>aws-sso-tray: this desktop has no system tray to show the icon in; use the command line instead (aws-sso-tray --help).</source>
        <translation>aws-sso-tray: este escritorio no tiene bandeja del sistema donde mostrar el icono; usa la línea de comandos en su lugar (aws-sso-tray --help).</translation>
    </message>
    <message>
        <source>aws-sso-tray is already running</source>
        <translation>aws-sso-tray ya se está ejecutando</translation>
    </message>
    <message>
        <source>Its icon is in the system tray; click it for your AWS sessions.</source>
        <translation>Su icono está en la bandeja del sistema; haz clic en él para ver tus sesiones de AWS.</translation>
    </message>
    <message>
        <source>Touch your security key</source>
        <translation>Toca tu llave de seguridad</translation>
    </message>
    <message>
        <source>to sign in to %1.</source>
        <translation>para iniciar sesión en %1.</translation>
    </message>
    <message>
        <source>%1 needs you</source>
        <translation>%1 te necesita</translation>
    </message>
    <message>
        <source>%1 Finish the sign-in in the window that opened.</source>
        <translation>%1 Termina el inicio de sesión en la ventana que se ha abierto.</translation>
    </message>
    <message>
        <source>Logged in to %1</source>
        <translation>Sesión iniciada en %1</translation>
    </message>
    <message>
        <source>Valid until %1.</source>
        <translation>Válida hasta %1.</translation>
    </message>
    <message>
        <source>Automatic login to %1 failed</source>
        <translation>No se pudo iniciar sesión automáticamente en %1</translation>
    </message>
    <message>
        <source>Login to %1 failed</source>
        <translation>No se pudo iniciar sesión en %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Logged out of %1</source>
        <translation>Sesión cerrada en %1</translation>
    </message>
    <message>
        <source>Its cached token was removed.</source>
        <translation>Se eliminó su token en caché.</translation>
    </message>
    <message>
        <source>Logout of %1 failed</source>
        <translation>No se pudo cerrar la sesión en %1</translation>
    </message>
    <message>
        <source>%1 could not be refreshed</source>
        <translation>No se pudo renovar %1</translation>
    </message>
    <message>
        <source>%1 Log in again before it expires.</source>
        <translation>%1 Vuelve a iniciar sesión antes de que caduque.</translation>
    </message>
    <message>
        <source>Log in now</source>
        <translation>Iniciar sesión ahora</translation>
    </message>
    <message numerus="yes">
        <source>%1 expires in %n min</source>
        <translation>
            <numerusform>%1 caduca en %n min</numerusform>
            <numerusform>%1 caduca en %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>The AWS SSO session ends at %1; log in again to keep working.</source>
        <translation>La sesión de AWS SSO termina a las %1; vuelve a iniciar sesión para seguir trabajando.</translation>
    </message>
    <message>
        <source>%1 has expired</source>
        <translation>%1 ha caducado</translation>
    </message>
    <message>
        <source>AWS tools using it will fail until you log in again.</source>
        <translation>Las herramientas de AWS que la usan fallarán hasta que vuelvas a iniciar sesión.</translation>
    </message>
    <message>
        <source>Start at login could not be changed</source>
        <translation>No se pudo cambiar el inicio al iniciar sesión</translation>
    </message>
    <message>
        <source>AWS console opened</source>
        <translation>Consola de AWS abierta</translation>
    </message>
    <message>
        <source>Signed in as profile %1 in your browser.</source>
        <translation>Sesión iniciada con el perfil %1 en tu navegador.</translation>
    </message>
    <message>
        <source>The AWS console for %1 could not be opened</source>
        <translation>No se pudo abrir la consola de AWS para %1</translation>
    </message>
    <message>
        <source>Profiles added for %1</source>
        <translation>Perfiles añadidos para %1</translation>
    </message>
    <message>
        <source>Every account and role of %1 has a profile in the AWS config now.</source>
        <translation>Cada cuenta y cada rol de %1 tiene ahora un perfil en la configuración de AWS.</translation>
    </message>
    <message>
        <source>Profiles for %1 could not be added</source>
        <translation>No se pudieron añadir los perfiles para %1</translation>
    </message>
    <message>
        <source>The credentials file could not be updated</source>
        <translation>No se pudo actualizar el archivo de credenciales</translation>
    </message>
</context>
<context>
    <name>TrayMain</name>
    <message>
        <source>aws-sso-tray is already running; its icon is in the system tray.</source>
        <translation>aws-sso-tray ya se está ejecutando; su icono está en la bandeja del sistema.</translation>
    </message>
    <message>
        <source>aws-sso-tray: another instance is starting or not answering; try again in a moment.</source>
        <translation>aws-sso-tray: otra instancia se está iniciando o no responde; inténtalo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>Demo: the simulator and a throwaway home are in %1.</source>
        <translation>Demo: el simulador y una carpeta personal desechable están en %1.</translation>
    </message>
    <message>
        <source>No keychain for the demo&apos;s passwords</source>
        <translation>No hay llavero para las contraseñas de la demo</translation>
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
        <translation>No se puede leer la configuración de AWS: %1</translation>
    </message>
    <message>
        <source>No SSO profiles in the AWS config</source>
        <translation>No hay perfiles SSO en la configuración de AWS</translation>
    </message>
    <message>
        <source>Add one with “aws configure sso”</source>
        <translation>Añade uno con «aws configure sso»</translation>
    </message>
    <message>
        <source>Problems in the AWS config (%1)</source>
        <translation>Problemas en la configuración de AWS (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Log in to &amp;all</source>
        <translation>Iniciar sesión en &amp;todas</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>Start at &amp;login</source>
        <translation>Abrir al &amp;iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Profiles (%1)</source>
        <translation>Perfiles (%1)</translation>
    </message>
    <message>
        <source>Log in to %1 for profile %2</source>
        <translation>Iniciar sesión en %1 para el perfil %2</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Cancelar el inicio de sesión</translation>
    </message>
    <message>
        <source>Log out of %1</source>
        <translation>Cerrar sesión en %1</translation>
    </message>
    <message>
        <source>Start at &amp;login (not in the demo)</source>
        <translation>Abrir al &amp;iniciar sesión (no en la demo)</translation>
    </message>
    <message>
        <source>Open AWS console</source>
        <translation>Abrir la consola de AWS</translation>
    </message>
    <message>
        <source>Add profiles for all my roles</source>
        <translation>Añadir perfiles para todos mis roles</translation>
    </message>
    <message>
        <source>Writes a profile into the AWS config for every account and role this session can use; existing profiles are left as they are.</source>
        <translation>Escribe en la configuración de AWS un perfil para cada cuenta y rol que esta sesión puede usar; los perfiles existentes no se modifican.</translation>
    </message>
</context>
<context>
    <name>TrayMenuModel</name>
    <message>
        <source>AWS SSO: no SSO profiles configured</source>
        <translation>AWS SSO: no hay perfiles SSO configurados</translation>
    </message>
    <message>
        <source>AWS SSO</source>
        <translation>AWS SSO</translation>
    </message>
    <message>
        <source>signing in…</source>
        <translation>iniciando sesión…</translation>
    </message>
    <message>
        <source>signing in: %1</source>
        <translation>iniciando sesión: %1</translation>
    </message>
    <message>
        <source>login failed: %1</source>
        <translation>error al iniciar sesión: %1</translation>
    </message>
    <message>
        <source>not logged in</source>
        <translation>sin sesión iniciada</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>válida hasta %1</translation>
    </message>
    <message numerus="yes">
        <source>expires in %n min</source>
        <translation>
            <numerusform>caduca en %n min</numerusform>
            <numerusform>caduca en %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>expired</source>
        <translation>caducada</translation>
    </message>
    <message>
        <source>cache file unreadable: %1</source>
        <translation>archivo de caché ilegible: %1</translation>
    </message>
</context>
<context>
    <name>WebAuthUxHandler</name>
    <message>
        <source>The security key was not used in time.</source>
        <translation>La llave de seguridad no se usó a tiempo.</translation>
    </message>
    <message>
        <source>This security key is not registered for this sign-in; use the key you registered with IAM Identity Center.</source>
        <translation>Esta llave de seguridad no está registrada para este inicio de sesión; usa la llave que registraste en IAM Identity Center.</translation>
    </message>
    <message>
        <source>This security key is already registered.</source>
        <translation>Esta llave de seguridad ya está registrada.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: remove the security key, insert it again and retry.</source>
        <translation>Demasiados PIN incorrectos: retira la llave de seguridad, vuelve a insertarla e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The security key is locked after too many wrong PINs; it must be reset.</source>
        <translation>La llave de seguridad está bloqueada tras demasiados PIN incorrectos; hay que restablecerla.</translation>
    </message>
    <message>
        <source>The security key was removed while the PIN was entered.</source>
        <translation>Se retiró la llave de seguridad mientras se introducía el PIN.</translation>
    </message>
    <message>
        <source>This security key cannot do what the sign-in asks of it.</source>
        <translation>Esta llave de seguridad no admite lo que pide el inicio de sesión.</translation>
    </message>
    <message>
        <source>The security key has no room for another credential.</source>
        <translation>La llave de seguridad no tiene espacio para otra credencial.</translation>
    </message>
    <message>
        <source>The security key request was cancelled.</source>
        <translation>Se canceló la solicitud a la llave de seguridad.</translation>
    </message>
    <message>
        <source>The security key request failed.</source>
        <translation>La solicitud a la llave de seguridad falló.</translation>
    </message>
    <message>
        <source>The key&apos;s fingerprint check is locked; enter its PIN instead.</source>
        <translation>La comprobación de huella de la llave está bloqueada; introduce su PIN.</translation>
    </message>
    <message>
        <source>That PIN was wrong.</source>
        <translation>Ese PIN es incorrecto.</translation>
    </message>
    <message>
        <source>That PIN is too short.</source>
        <translation>Ese PIN es demasiado corto.</translation>
    </message>
    <message>
        <source>That PIN has characters the key does not accept.</source>
        <translation>Ese PIN tiene caracteres que la llave no acepta.</translation>
    </message>
    <message>
        <source>The new PIN must differ from the current one.</source>
        <translation>El nuevo PIN debe ser distinto del actual.</translation>
    </message>
    <message>
        <source>The security key holds several accounts; choose one by signing in from the tray or with --show-browser.</source>
        <translation>La llave de seguridad contiene varias cuentas; elige una iniciando sesión desde la bandeja del sistema o con --show-browser.</translation>
    </message>
    <message>
        <source>AWS sign-in: security key</source>
        <translation>Inicio de sesión en AWS: llave de seguridad</translation>
    </message>
    <message>
        <source>Which account on the security key signs in to %1?</source>
        <translation>¿Qué cuenta de la llave de seguridad inicia sesión en %1?</translation>
    </message>
    <message>
        <source>The security key needs its PIN; sign in from the tray or with --show-browser to enter it.</source>
        <translation>La llave de seguridad necesita su PIN; inicia sesión desde la bandeja del sistema o con --show-browser para introducirlo.</translation>
    </message>
    <message>
        <source>Enter the PIN of your security key.</source>
        <translation>Introduce el PIN de tu llave de seguridad.</translation>
    </message>
    <message>
        <source>The sign-in asks to set a PIN on your security key; set it with the key&apos;s own tool first.</source>
        <translation>El inicio de sesión pide configurar un PIN en tu llave de seguridad; configúralo antes con la herramienta de la llave.</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left before the key locks.</source>
        <translation>
            <numerusform>Queda %n intento antes de que la llave se bloquee.</numerusform>
            <numerusform>Quedan %n intentos antes de que la llave se bloquee.</numerusform>
        </translation>
    </message>
    <message>
        <source>AWS sign-in: security key PIN</source>
        <translation>Inicio de sesión en AWS: PIN de la llave de seguridad</translation>
    </message>
</context>
</TS>
