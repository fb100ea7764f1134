<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>CommandJob</name>
    <message>
        <source>Could not start %1: %2</source>
        <translation>%1を起動できませんでした: %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>The %1 process crashed.</source>
        <translation>%1プロセスがクラッシュしました。</translation>
    </message>
    <message>
        <source>%1 failed with exit code %2.</source>
        <translation>%1は終了コード%2で失敗しました。</translation>
    </message>
</context>
<context>
    <name>DemoEnvironment</name>
    <message>
        <source>Demo sign-in: user “%1”, password “%2”, MFA code from TOTP secret %3; or user “%4”, password “%5”.</source>
        <translation>デモ用ログイン: ユーザー「%1」、パスワード「%2」、MFAコードはTOTPシークレット%3から生成。または、ユーザー「%4」、パスワード「%5」。</translation>
    </message>
    <message>
        <source>Cannot create the demo&apos;s directory: %1.</source>
        <translation>デモ用のディレクトリを作成できません: %1。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1に書き込めません。</translation>
    </message>
    <message>
        <source>Cannot start the simulator: %1.</source>
        <translation>シミュレーターを起動できません: %1。</translation>
    </message>
    <message>
        <source>The simulator did not start; see %1.</source>
        <translation>シミュレーターが起動しませんでした。%1を参照してください。</translation>
    </message>
</context>
<context>
    <name>DialogCodePrompt</name>
    <message>
        <source>AWS sign-in: MFA code</source>
        <translation>AWSログイン: MFAコード</translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app.</source>
        <translation>認証アプリに表示されたコードを入力してください。</translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app for %1.</source>
        <translation>認証アプリに表示された%1のコードを入力してください。</translation>
    </message>
    <message>
        <source>The portal did not accept the code. Wait for the next one and enter it.</source>
        <translation>ポータルがコードを受け付けませんでした。次のコードが表示されるのを待って入力してください。</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>6桁のコード</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>The MFA code was not entered; the sign-in was cancelled.</source>
        <translation>MFAコードが入力されなかったため、ログインをキャンセルしました。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>aws-sso-tray Settings</source>
        <translation>aws-sso-trayの設定</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>全般(&amp;G)</translation>
    </message>
    <message>
        <source>Sign-&amp;in</source>
        <translation>ログイン(&amp;I)</translation>
    </message>
    <message>
        <source>Start aws-sso-tray when I log in to the desktop</source>
        <translation>デスクトップへのログイン時にaws-sso-trayを起動</translation>
    </message>
    <message>
        <source> min</source>
        <translation>分</translation>
    </message>
    <message>
        <source>&amp;Warn before a session expires:</source>
        <translation>セッションの期限切れ前に警告(&amp;W):</translation>
    </message>
    <message>
        <source>Show the sign-in window when the sign-in needs me</source>
        <translation>操作が必要なときにログインウィンドウを表示</translation>
    </message>
    <message>
        <source>For pages the automatic sign-in does not know, such as an external identity provider. When off, such a login fails with a notification.</source>
        <translation>外部IDプロバイダーなど、自動ログインが認識できないページ用です。オフにすると、そのようなログインは失敗し、通知が表示されます。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>S&amp;ession:</source>
        <translation>セッション(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>The base32 secret or otpauth:// URI of your authenticator app, to answer MFA codes by itself. Leave empty to be asked for each code.</source>
        <translation>認証アプリのBase32シークレットまたはotpauth:// URI。MFAコードに自動で応答するために使用します。空欄にすると、コードを毎回入力するよう求められます。</translation>
    </message>
    <message>
        <source>&amp;TOTP secret (optional):</source>
        <translation>TOTPシークレット（任意）(&amp;T):</translation>
    </message>
    <message>
        <source>Save to &amp;keychain</source>
        <translation>キーチェーンに保存(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Forget stored secrets</source>
        <translation>保存した認証情報を消去(&amp;F)</translation>
    </message>
    <message>
        <source>https://login.example-idp.com (one origin per line)</source>
        <translation>https://login.example-idp.com（1行に1つのオリジン）</translation>
    </message>
    <message>
        <source>Origins of an external identity provider that may receive your username and password, besides the start URL&apos;s and AWS&apos;s own sign-in pages.</source>
        <translation>スタートURLとAWS自身のログインページ以外に、ユーザー名とパスワードを送信してよい外部IDプロバイダーのオリジン。</translation>
    </message>
    <message>
        <source>Trusted &amp;identity providers:</source>
        <translation>信頼するIDプロバイダー(&amp;D):</translation>
    </message>
    <message>
        <source>Log in again automatically before the session expires</source>
        <translation>セッションの期限が切れる前に自動で再ログイン</translation>
    </message>
    <message>
        <source>No SSO sessions in the AWS config yet.</source>
        <translation>AWS設定にSSOセッションがまだありません。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1を読み込み中…</translation>
    </message>
    <message>
        <source>%1 Secrets cannot be stored, and aws-sso-tray never keeps them in plain text: the sign-in will ask for them in its window.</source>
        <translation>%1 認証情報を保存できません。aws-sso-trayは認証情報を平文では保持しないため、ログイン時にウィンドウで入力を求めます。</translation>
    </message>
    <message>
        <source>stored — type to replace</source>
        <translation>保存済み — 入力すると置き換えます</translation>
    </message>
    <message>
        <source>Secrets for this start URL are stored in %1.</source>
        <translation>このスタートURLの認証情報は%1に保存されています。</translation>
    </message>
    <message>
        <source>Nothing stored for this start URL yet.</source>
        <translation>このスタートURLにはまだ何も保存されていません。</translation>
    </message>
    <message>
        <source>Needs a stored password and TOTP secret.</source>
        <translation>保存済みのパスワードとTOTPシークレットが必要です。</translation>
    </message>
    <message>
        <source>The TOTP secret is not usable: %1</source>
        <translation>TOTPシークレットを使用できません: %1</translation>
    </message>
    <message>
        <source>Enter the username that goes with the password.</source>
        <translation>パスワードに対応するユーザー名を入力してください。</translation>
    </message>
    <message>
        <source>Saving to %1…</source>
        <translation>%1に保存中…</translation>
    </message>
    <message>
        <source>Removing from %1…</source>
        <translation>%1から削除中…</translation>
    </message>
    <message>
        <source>Not trusted (an https origin is needed): %1</source>
        <translation>信頼されていません（httpsのオリジンが必要です）: %1</translation>
    </message>
</context>
<context>
    <name>TerminalCodePrompt</name>
    <message>
        <source>The sign-in asks for an MFA code, but there is no terminal to ask on and no TOTP secret is stored; store one with aws-sso-tray secret set-totp.</source>
        <translation>ログインでMFAコードが求められていますが、入力に使える端末がなく、TOTPシークレットも保存されていません。aws-sso-tray secret set-totpで保存してください。</translation>
    </message>
    <message>
        <source>MFA code (the last one was not accepted): </source>
        <translation>MFAコード（前回のコードは受け付けられませんでした）: </translation>
    </message>
    <message>
        <source>MFA code: </source>
        <translation>MFAコード: </translation>
    </message>
    <message>
        <source>Cannot write the MFA prompt to the terminal.</source>
        <translation>MFAコードの入力プロンプトを端末に書き込めません。</translation>
    </message>
    <message>
        <source>No MFA code was entered.</source>
        <translation>MFAコードが入力されませんでした。</translation>
    </message>
</context>
<context>
    <name>TrayApp</name>
    <message>
        <source>aws-sso-tray: this desktop has no system tray to show the icon in; use the command line instead (aws-sso-tray --help).</source>
        <translation>aws-sso-tray: このデスクトップにはアイコンを表示するシステムトレイがありません。代わりにコマンドラインを使用してください（aws-sso-tray --help）。</translation>
    </message>
    <message>
        <source>aws-sso-tray is already running</source>
        <translation>aws-sso-trayはすでに実行中です</translation>
    </message>
    <message>
        <source>Its icon is in the system tray; click it for your AWS sessions.</source>
        <translation>アイコンはシステムトレイにあります。クリックするとAWSセッションを確認できます。</translation>
    </message>
    <message>
        <source>Touch your security key</source>
        <translation>セキュリティキーにタッチしてください</translation>
    </message>
    <message>
        <source>to sign in to %1.</source>
        <translation>%1へのログインに必要です。</translation>
    </message>
    <message>
        <source>%1 needs you</source>
        <translation>%1で操作が必要です</translation>
    </message>
    <message>
        <source>%1 Finish the sign-in in the window that opened.</source>
        <translation>%1 開いたウィンドウでログインを完了してください。</translation>
    </message>
    <message>
        <source>Logged in to %1</source>
        <translation>%1にログインしました</translation>
    </message>
    <message>
        <source>Valid until %1.</source>
        <translation>%1まで有効です。</translation>
    </message>
    <message>
        <source>Automatic login to %1 failed</source>
        <translation>%1への自動ログインに失敗しました</translation>
    </message>
    <message>
        <source>Login to %1 failed</source>
        <translation>%1へのログインに失敗しました</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Logged out of %1</source>
        <translation>%1からログアウトしました</translation>
    </message>
    <message>
        <source>Its cached token was removed.</source>
        <translation>キャッシュされたトークンを削除しました。</translation>
    </message>
    <message>
        <source>Logout of %1 failed</source>
        <translation>%1からのログアウトに失敗しました</translation>
    </message>
    <message>
        <source>%1 could not be refreshed</source>
        <translation>%1を更新できませんでした</translation>
    </message>
    <message>
        <source>%1 Log in again before it expires.</source>
        <translation>%1 期限が切れる前にもう一度ログインしてください。</translation>
    </message>
    <message>
        <source>Log in now</source>
        <translation>今すぐログイン</translation>
    </message>
    <message numerus="yes">
        <source>%1 expires in %n min</source>
        <translation>
            <numerusform>%1はあと%n分で期限切れになります</numerusform>
        </translation>
    </message>
    <message>
        <source>The AWS SSO session ends at %1; log in again to keep working.</source>
        <translation>AWS SSOセッションは%1に終了します。作業を続けるには、もう一度ログインしてください。</translation>
    </message>
    <message>
        <source>%1 has expired</source>
        <translation>%1の期限が切れました</translation>
    </message>
    <message>
        <source>AWS tools using it will fail until you log in again.</source>
        <translation>もう一度ログインするまで、このセッションを使用するAWSツールは失敗します。</translation>
    </message>
    <message>
        <source>Start at login could not be changed</source>
        <translation>ログイン時の起動設定を変更できませんでした</translation>
    </message>
    <message>
        <source>AWS console opened</source>
        <translation>AWS コンソールを開きました</translation>
    </message>
    <message>
        <source>Signed in as profile %1 in your browser.</source>
        <translation>ブラウザーでプロファイル %1 としてログインしました。</translation>
    </message>
    <message>
        <source>The AWS console for %1 could not be opened</source>
        <translation>%1 の AWS コンソールを開けませんでした</translation>
    </message>
    <message>
        <source>Profiles added for %1</source>
        <translation>%1 のプロファイルを追加しました</translation>
    </message>
    <message>
        <source>Every account and role of %1 has a profile in the AWS config now.</source>
        <translation>%1 のすべてのアカウントとロールに AWS 設定のプロファイルができました。</translation>
    </message>
    <message>
        <source>Profiles for %1 could not be added</source>
        <translation>%1 のプロファイルを追加できませんでした</translation>
    </message>
    <message>
        <source>The credentials file could not be updated</source>
        <translation>認証情報ファイルを更新できませんでした</translation>
    </message>
</context>
<context>
    <name>TrayMain</name>
    <message>
        <source>aws-sso-tray is already running; its icon is in the system tray.</source>
        <translation>aws-sso-trayはすでに実行中です。アイコンはシステムトレイにあります。</translation>
    </message>
    <message>
        <source>aws-sso-tray: another instance is starting or not answering; try again in a moment.</source>
        <translation>aws-sso-tray: 別のインスタンスが起動中か、応答していません。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Demo: the simulator and a throwaway home are in %1.</source>
        <translation>デモ: シミュレーターと使い捨てのホームディレクトリは%1にあります。</translation>
    </message>
    <message>
        <source>No keychain for the demo&apos;s passwords</source>
        <translation>デモのパスワード用のキーチェーンがありません</translation>
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
        <translation>AWS設定を読み込めません: %1</translation>
    </message>
    <message>
        <source>No SSO profiles in the AWS config</source>
        <translation>AWS設定にSSOプロファイルがありません</translation>
    </message>
    <message>
        <source>Add one with “aws configure sso”</source>
        <translation>「aws configure sso」で追加してください</translation>
    </message>
    <message>
        <source>Problems in the AWS config (%1)</source>
        <translation>AWS設定の問題（%1）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Log in to &amp;all</source>
        <translation>すべてにログイン(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>Start at &amp;login</source>
        <translation>ログイン時に起動(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Profiles (%1)</source>
        <translation>プロファイル（%1）</translation>
    </message>
    <message>
        <source>Log in to %1 for profile %2</source>
        <translation>プロファイル%2用に%1にログイン</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>ログインをキャンセル</translation>
    </message>
    <message>
        <source>Log out of %1</source>
        <translation>%1からログアウト</translation>
    </message>
    <message>
        <source>Start at &amp;login (not in the demo)</source>
        <translation>ログイン時に起動（デモでは使用不可）(&amp;L)</translation>
    </message>
    <message>
        <source>Open AWS console</source>
        <translation>AWS コンソールを開く</translation>
    </message>
    <message>
        <source>Add profiles for all my roles</source>
        <translation>すべてのロールのプロファイルを追加</translation>
    </message>
    <message>
        <source>Writes a profile into the AWS config for every account and role this session can use; existing profiles are left as they are.</source>
        <translation>このセッションで使えるすべてのアカウントとロールのプロファイルを AWS 設定に書き込みます。既存のプロファイルは変更しません。</translation>
    </message>
</context>
<context>
    <name>TrayMenuModel</name>
    <message>
        <source>AWS SSO: no SSO profiles configured</source>
        <translation>AWS SSO: SSOプロファイルが設定されていません</translation>
    </message>
    <message>
        <source>AWS SSO</source>
        <translation>AWS SSO</translation>
    </message>
    <message>
        <source>signing in…</source>
        <translation>ログイン中…</translation>
    </message>
    <message>
        <source>signing in: %1</source>
        <translation>ログイン中: %1</translation>
    </message>
    <message>
        <source>login failed: %1</source>
        <translation>ログイン失敗: %1</translation>
    </message>
    <message>
        <source>not logged in</source>
        <translation>未ログイン</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>%1まで有効</translation>
    </message>
    <message numerus="yes">
        <source>expires in %n min</source>
        <translation>
            <numerusform>あと%n分で期限切れ</numerusform>
        </translation>
    </message>
    <message>
        <source>expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>cache file unreadable: %1</source>
        <translation>キャッシュファイルを読み込めません: %1</translation>
    </message>
</context>
<context>
    <name>WebAuthUxHandler</name>
    <message>
        <source>The security key was not used in time.</source>
        <translation>セキュリティキーが時間内に使用されませんでした。</translation>
    </message>
    <message>
        <source>This security key is not registered for this sign-in; use the key you registered with IAM Identity Center.</source>
        <translation>このセキュリティキーはこのログインに登録されていません。IAM Identity Center に登録したキーを使用してください。</translation>
    </message>
    <message>
        <source>This security key is already registered.</source>
        <translation>このセキュリティキーは既に登録されています。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: remove the security key, insert it again and retry.</source>
        <translation>PIN の誤りが多すぎます。セキュリティキーを抜いて差し直し、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The security key is locked after too many wrong PINs; it must be reset.</source>
        <translation>PIN の誤りが多すぎたため、セキュリティキーがロックされました。リセットが必要です。</translation>
    </message>
    <message>
        <source>The security key was removed while the PIN was entered.</source>
        <translation>PIN の入力中にセキュリティキーが取り外されました。</translation>
    </message>
    <message>
        <source>This security key cannot do what the sign-in asks of it.</source>
        <translation>このセキュリティキーはログインが求める機能に対応していません。</translation>
    </message>
    <message>
        <source>The security key has no room for another credential.</source>
        <translation>セキュリティキーに新しい認証情報を保存する空きがありません。</translation>
    </message>
    <message>
        <source>The security key request was cancelled.</source>
        <translation>セキュリティキーの要求はキャンセルされました。</translation>
    </message>
    <message>
        <source>The security key request failed.</source>
        <translation>セキュリティキーの要求に失敗しました。</translation>
    </message>
    <message>
        <source>The key&apos;s fingerprint check is locked; enter its PIN instead.</source>
        <translation>キーの指紋認証がロックされています。代わりに PIN を入力してください。</translation>
    </message>
    <message>
        <source>That PIN was wrong.</source>
        <translation>PIN が違います。</translation>
    </message>
    <message>
        <source>That PIN is too short.</source>
        <translation>PIN が短すぎます。</translation>
    </message>
    <message>
        <source>That PIN has characters the key does not accept.</source>
        <translation>PIN にキーが受け付けない文字が含まれています。</translation>
    </message>
    <message>
        <source>The new PIN must differ from the current one.</source>
        <translation>新しい PIN は現在の PIN と異なる必要があります。</translation>
    </message>
    <message>
        <source>The security key holds several accounts; choose one by signing in from the tray or with --show-browser.</source>
        <translation>セキュリティキーに複数のアカウントがあります。トレイから、または --show-browser を付けてログインし、1 つを選んでください。</translation>
    </message>
    <message>
        <source>AWS sign-in: security key</source>
        <translation>AWS ログイン: セキュリティキー</translation>
    </message>
    <message>
        <source>Which account on the security key signs in to %1?</source>
        <translation>%1 にログインするセキュリティキーのアカウントはどれですか?</translation>
    </message>
    <message>
        <source>The security key needs its PIN; sign in from the tray or with --show-browser to enter it.</source>
        <translation>セキュリティキーの PIN が必要です。入力するには、トレイから、または --show-browser を付けてログインしてください。</translation>
    </message>
    <message>
        <source>Enter the PIN of your security key.</source>
        <translation>セキュリティキーの PIN を入力してください。</translation>
    </message>
    <message>
        <source>The sign-in asks to set a PIN on your security key; set it with the key&apos;s own tool first.</source>
        <translation>ログインでセキュリティキーの PIN 設定が求められています。先にキー専用のツールで設定してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left before the key locks.</source>
        <translation>
            <numerusform>キーがロックされるまで残り %n 回です。</numerusform>
        </translation>
    </message>
    <message>
        <source>AWS sign-in: security key PIN</source>
        <translation>AWS ログイン: セキュリティキーの PIN</translation>
    </message>
</context>
</TS>
