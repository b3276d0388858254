import type { en } from './en';

/** German: "Sie", as German workplaces write to staff; plain words ("Handynummer") over jargon. */
export const de = {
  'app.name': 'Muster',
  'app.skip': 'Zum Inhalt springen',
  'app.loading': 'Wird geladen …',
  'app.menu': 'Menü',
  'app.signOut': 'Abmelden',
  'app.notFound': 'Diese Seite gibt es nicht.',
  'app.goHome': 'Zur Startseite',
  'app.retry': 'Erneut versuchen',
  'app.save': 'Speichern',
  'app.saving': 'Wird gespeichert …',
  'app.saved': 'Gespeichert.',
  'app.cancel': 'Abbrechen',
  'app.back': 'Zurück',
  'app.continue': 'Weiter',
  'app.next': 'Weiter',
  'app.previous': 'Zurück',
  'app.more': 'Mehr anzeigen',
  'app.none': 'Hier ist noch nichts.',
  'app.required': 'Pflichtfeld',
  'app.copy': 'Kopieren',
  'app.copied': 'Kopiert',
  'app.copyManual': 'Markiert: Drücken Sie Strg+C (⌘C auf dem Mac), um es zu kopieren.',
  'app.close': 'Schließen',
  'app.pages': 'Seiten',
  'app.language': 'Sprache',
  'app.offline': 'Muster ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'app.failed': 'Etwas ist schiefgelaufen ({status}). Bitte versuchen Sie es erneut.',

  'error.invalid_credentials':
    'Diese Anmeldedaten passen zu keinem aktiven Konto. Prüfen Sie beides, oder wählen Sie „Passwort vergessen?“.',
  'error.community_required':
    'Auf diesem Server gibt es mehrere Communitys: Geben Sie den Kurznamen Ihrer Community ein, wie Ihr Unternehmen ihn Ihnen genannt hat.',
  'error.community_not_found':
    'Es gibt keine Community mit diesem Kurznamen. Prüfen Sie den Kurznamen, den Sie bekommen haben.',
  'error.unauthenticated':
    'Sie sind nicht angemeldet, oder Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  'error.csrf_token_invalid':
    'Diese Seite ist nicht mehr aktuell. Laden Sie sie neu und versuchen Sie es erneut.',
  'error.internal_error':
    'Bei uns ist etwas schiefgelaufen. Versuchen Sie es erneut; wenn es wieder passiert, informieren Sie Ihre Administration.',
  'error.claim_link_not_found':
    'Dieser Einladungslink ist ungültig. Prüfen Sie, ob Sie den vollständigen Link aus Ihrer SMS oder E-Mail geöffnet haben. Bitten Sie Ihre Administration um eine neue Einladung.',
  'error.claim_link_expired':
    'Dieser Einladungslink ist abgelaufen. Bitten Sie Ihre Administration um eine neue Einladung.',
  'error.claim_link_used':
    'Dieser Einladungslink wurde bereits verwendet. Wenn Sie schon ein Passwort festgelegt haben, melden Sie sich damit an; andernfalls bitten Sie Ihre Administration um eine neue Einladung.',
  'error.claim_link_superseded':
    'Dieser Einladungslink wurde durch einen neueren ersetzt. Verwenden Sie den Link aus Ihrer letzten SMS oder E-Mail, oder bitten Sie Ihre Administration um eine neue Einladung.',
  'error.reset_link_not_found':
    'Dieser Link zum Zurücksetzen des Passworts ist ungültig. Prüfen Sie, ob Sie den vollständigen Link aus der E-Mail geöffnet haben. Fordern Sie auf der Anmeldeseite einen neuen Link an („Passwort vergessen?“).',
  'error.reset_link_expired':
    'Dieser Link zum Zurücksetzen des Passworts ist abgelaufen. Fordern Sie auf der Anmeldeseite einen neuen Link an („Passwort vergessen?“).',
  'error.reset_link_used':
    'Dieser Link zum Zurücksetzen des Passworts wurde bereits verwendet. Wenn Sie das nicht waren, fordern Sie auf der Anmeldeseite einen neuen Link an („Passwort vergessen?“).',
  'error.recovery_failed':
    'Handynummer und Wiederherstellungscode passen nicht zusammen. Prüfen Sie beides und versuchen Sie es erneut; wenn Sie Ihren Code verloren haben, bitten Sie Ihre Administration, Ihr Konto zurückzusetzen.',
  'error.recovery_not_allowed':
    'Dies ist ein Administrationskonto: Ein Wiederherstellungscode, ein Link per E-Mail oder ein Zugangscode allein kann es nicht zurücksetzen. Bitten Sie jemand anderen aus der Systemadministration, Ihr Konto auf „nicht aktiviert“ zurückzusetzen.',
  'error.second_factor_required':
    'Dies ist ein Administrationskonto: Geben Sie zusätzlich den 6-stelligen Code aus Ihrer Authenticator-App (oder einen Backup-Code) ein.',
  'error.totp_required':
    'Geben Sie zusätzlich den 6-stelligen Code aus Ihrer Authenticator-App (oder einen Ihrer Backup-Codes) ein.',
  'error.totp_invalid':
    'Dieser Code stimmt nicht oder wurde bereits verwendet. Geben Sie den Code ein, den Ihre App gerade anzeigt, oder einen Backup-Code.',
  'error.password_incorrect': 'Ihr Passwort stimmt nicht. Bitte geben Sie es erneut ein.',
  'error.rate_limited.seconds':
    'Zu viele Versuche. Warten Sie {count, plural, one {# Sekunde} other {# Sekunden}} und versuchen Sie es dann erneut, oder bitten Sie Ihre Administration um Hilfe.',
  'error.rate_limited.minutes':
    'Zu viele Versuche. Warten Sie {count, plural, one {# Minute} other {# Minuten}} und versuchen Sie es dann erneut, oder bitten Sie Ihre Administration um Hilfe.',
  'error.rate_limited.hours':
    'Zu viele Versuche. Warten Sie {count, plural, one {# Stunde} other {# Stunden}} und versuchen Sie es dann erneut, oder bitten Sie Ihre Administration um Hilfe.',
  'error.rate_limited.recoveryCodes':
    'Sie haben heute bereits {count, plural, one {# Wiederherstellungscode} other {# Wiederherstellungscodes}} erstellt, mehr sind nicht erlaubt. Bewahren Sie den neuesten auf; morgen können Sie einen weiteren erstellen.',
  'error.password_too_short':
    'Wählen Sie ein Passwort mit mindestens {min} Zeichen. Ein paar Wörter, die Sie sich gut merken können, eignen sich gut.',
  'error.password_too_long': 'Wählen Sie ein Passwort mit höchstens {max} Zeichen.',
  'error.password_too_common':
    'Dieses Passwort gehört zu den häufigsten und wird deshalb bei Angriffen zuerst ausprobiert. Wählen Sie ein anderes: Ein paar Wörter, die nichts miteinander zu tun haben, eignen sich gut.',
  'error.password_too_personal':
    'Dieses Passwort besteht aus Ihrem Namen, Ihrer Nummer oder Ihrem Unternehmen, und das können andere erraten. Wählen Sie etwas anderes.',
  'error.phone_invalid':
    'Das ist keine gültige Handynummer. Prüfen Sie die Ziffern und geben Sie die Ländervorwahl mit an, zum Beispiel +44 7911 123456.',
  'error.phone_not_mobile':
    'Diese Nummer ist keine Handynummer und kann keine SMS empfangen. Geben Sie eine Handynummer ein.',
  'error.access_code_profiles_disabled':
    'Zugangscodes sind in dieser Community ausgeschaltet. Die Systemadministration kann sie unter Einstellungen einschalten.',
  'error.access_code_invalid':
    'Dieser Zugangscode ist ungültig. Prüfen Sie, ob Sie alle 16 Buchstaben wie gedruckt eingegeben haben; Leerzeichen und Bindestriche spielen keine Rolle. Wenn es weiterhin nicht klappt, bitten Sie Ihre Administration um einen neuen Zugangscode.',
  'error.access_code_expired':
    'Dieser Zugangscode ist am {date} abgelaufen. Bitten Sie Ihre Administration um einen neuen Zugangscode.',
  'error.access_code_used':
    'Dieser Zugangscode wurde bereits verwendet. Wenn Sie damit einen Benutzernamen und ein Passwort gewählt haben, melden Sie sich damit an. Andernfalls bitten Sie Ihre Administration um einen neuen Zugangscode.',
  'error.access_code_revoked':
    'Ihre Administration hat diesen Zugangscode widerrufen. Bitten Sie dort um einen neuen Zugangscode.',
  'error.username_required':
    'Wählen Sie einen Benutzernamen: Damit melden Sie sich an. Verwenden Sie Buchstaben, Ziffern, Punkte, Binde- oder Unterstriche.',
  'error.username_invalid':
    'Dieser Benutzername sieht wie eine Handynummer aus und kann daher nicht verwendet werden. Fügen Sie ein, zwei Buchstaben hinzu.',
  'error.username_mismatch':
    'Dieser Zugangscode gehört zum Konto mit dem Benutzernamen „{username}“. Geben Sie diesen Benutzernamen ein, oder lassen Sie das Feld leer.',
  'error.user_name_taken':
    'Diesen Benutzernamen verwendet in dieser Community schon jemand. Wählen Sie einen anderen; Ihr Zugangscode gilt weiterhin.',
  'error.field.tooShort': 'Mindestens {min} Zeichen',
  'error.field.tooLong': 'Höchstens {max} Zeichen',
  'error.field.tooCommon': 'Zu häufig',
  'error.field.personal': 'Besteht aus Ihren eigenen Angaben',
  'error.field.mismatch': 'Stimmt nicht',
  'error.field.required': 'Pflichtfeld',
  'error.field.accessCode': 'Kein gültiger Zugangscode',
  'error.field.readsAsPhone': 'Sieht wie eine Handynummer aus',
  'error.field.usernameIs': 'Der Benutzername dieses Kontos ist {username}',
  'error.field.taken': 'Schon vergeben',

  'nav.people': 'Personen',
  'nav.invitations': 'Offene Einladungen',
  'nav.lockouts': 'Gesperrte Konten',
  'nav.settings': 'Einstellungen',
  'nav.integrations': 'Integrationen',
  'nav.sms': 'SMS-Protokoll',
  'nav.audit': 'Audit-Protokoll',
  'nav.limits': 'Limits',
  'nav.security': 'Sicherheit und Anmeldung',
  'nav.devInbox': 'SMS-Posteingang (Entwicklung)',

  'state.not_invited': 'Nicht eingeladen',
  'state.invited': 'Eingeladen',
  'state.active': 'Aktiv',
  'state.deactivated': 'Deaktiviert',
  'role.system_admin': 'Systemadministration',
  'role.account_manager': 'Kontoverwaltung',
  'role.analyst': 'Analyse',
  'role.member': 'Mitglied',
  'kind.email': 'E-Mail',
  'kind.phone': 'Handynummer',
  'kind.username': 'Benutzername',

  'setup.title': 'Muster einrichten',
  'setup.intro':
    'Legen Sie Ihre Community und die erste Person mit Systemadministration an. Dieser Link funktioniert nur einmal.',
  'setup.community': 'Ihre Community',
  'setup.name': 'Name des Unternehmens oder der Community',
  'setup.slug': 'Kurzname',
  'setup.slugHint':
    'Kleinbuchstaben, Ziffern und Bindestriche, zum Beispiel acme-foods. Personen geben ihn eventuell bei der Anmeldung ein.',
  'setup.timeZone': 'Zeitzone',
  'setup.timeZoneHint': 'Tageslimits werden um Mitternacht in dieser Zeitzone zurückgesetzt.',
  'setup.country': 'Land der meisten Handynummern',
  'setup.you': 'Ihr Konto (erste Systemadministration)',
  'setup.yourName': 'Ihr Name',
  'setup.email': 'Ihre E-Mail-Adresse',
  'setup.password': 'Passwort wählen',
  'setup.submit': 'Community anlegen',
  'setup.done': 'Ihre Community ist bereit. Melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem Passwort an.',
  'setup.noToken':
    'Für diese Seite brauchen Sie den Einrichtungslink, den der Server beim Start ausgegeben hat. Öffnen Sie diesen Link oder führen Sie npx muster setup aus.',
  'setup.alreadyDone': 'Muster ist bereits eingerichtet.',

  'login.title': 'Anmelden',
  'login.identifier': 'E-Mail-Adresse oder Handynummer',
  'login.identifierHint':
    'Die Handynummer funktioniert mit oder ohne Ländervorwahl. Mit einem Zugangscode beigetreten? Geben Sie Ihren Benutzernamen ein.',
  'login.password': 'Passwort',
  'login.community': 'Kurzname der Community',
  'login.communityHint': 'Nur nötig, wenn Ihr Unternehmen Ihnen einen genannt hat.',
  'login.submit': 'Anmelden',
  'login.forgot': 'Passwort vergessen?',
  'login.codeStep': 'Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App oder einen Backup-Code ein.',
  'login.otherAccount': 'Anderes Konto verwenden',

  'code.label': 'Authenticator-Code',
  'code.hint': '6 Ziffern aus der App oder ein Backup-Code wie ABCDE-FGHJK.',

  'password.rules':
    'Mindestens {min} Zeichen. Ein paar Wörter, die Sie sich gut merken können, eignen sich gut.',
  'password.count': '{count} von mindestens {min} Zeichen',
  'password.ok': 'Lang genug',
  'password.show': 'Passwort anzeigen',

  'claim.title': 'Willkommen bei {community}',
  'claim.intro':
    'Wählen Sie ein Passwort für Ihr Konto bei Muster. Sie melden sich künftig mit Ihrer Handynummer {phone} und diesem Passwort an.',
  'claim.introEmail':
    'Wählen Sie ein Passwort für Ihr Konto bei Muster. Sie melden sich künftig mit Ihrer E-Mail-Adresse {email} und diesem Passwort an.',
  'claim.doneEmail':
    'Geschafft, Ihr Konto ist bereit. Falls Sie Ihr Passwort einmal vergessen, wählen Sie „Passwort vergessen?“ und Sie bekommen einen Link per E-Mail.',
  'claim.password': 'Neues Passwort',
  'claim.submit': 'Passwort festlegen und weiter',
  'claim.done':
    'Geschafft, Ihr Konto ist bereit. Wir schicken Ihnen per SMS einen Wiederherstellungscode: Bewahren Sie ihn gut auf, damit können Sie Ihr Passwort zurücksetzen.',
  'claim.continue': 'Weiter zu Ihrem Konto',
  'claim.problemTitle': 'Dieser Link kann nicht verwendet werden',

  'forgot.title': 'Passwort zurücksetzen',
  'forgot.useEmail': 'Ich melde mich mit einer E-Mail-Adresse an',
  'forgot.usePhone': 'Ich melde mich mit einer Handynummer an',
  'forgot.emailStep':
    'Geben Sie die E-Mail-Adresse ein, mit der Sie sich anmelden. Wir schicken Ihnen per E-Mail einen Link, mit dem Sie ein neues Passwort wählen.',
  'forgot.email': 'E-Mail-Adresse',
  'forgot.sendLink': 'Link per E-Mail senden',
  'forgot.emailSent':
    'Wenn zu {email} ein Konto gehört, ist eine E-Mail mit einem Link für ein neues Passwort unterwegs. Der Link gilt eine Stunde. Kommt in einigen Minuten nichts an, sehen Sie bitte im Spam-Ordner nach.',
  'reset.title': 'Neues Passwort wählen',
  'reset.intro': 'Wählen Sie ein neues Passwort für {name} bei {community}.',
  'reset.password': 'Neues Passwort',
  'reset.logoutOthers': 'Auf meinen anderen Geräten abmelden',
  'reset.logoutOthersHint': 'Tun Sie das, wenn Sie glauben, dass jemand anderes Ihr altes Passwort kennt.',
  'reset.submit': 'Passwort speichern und anmelden',
  'reset.problemTitle': 'Dieser Link kann nicht verwendet werden',
  'reset.again': 'Neuen Link anfordern',
  'forgot.phoneStep': 'Geben Sie die Handynummer ein, mit der Sie sich anmelden.',
  'forgot.phone': 'Handynummer',
  'forgot.reset': 'Passwort zurücksetzen',
  'forgot.codeStep':
    'Geben Sie den 10-stelligen Wiederherstellungscode ein, den wir Ihnen bei Ihrem Start per SMS geschickt haben, oder den neuesten, den Sie erstellt haben.',
  'forgot.code': 'Wiederherstellungscode',
  'forgot.codeHint': 'Zum Beispiel ABCDE-FGHJK. Groß oder klein, mit oder ohne Bindestrich.',
  'forgot.passwordStep': 'Wählen Sie ein neues Passwort.',
  'forgot.newPassword': 'Neues Passwort',
  'forgot.devicesStep': 'Möchten Sie sich auf Ihren anderen Geräten abmelden?',
  'forgot.logoutOthers': 'Ja, auf anderen Geräten abmelden',
  'forgot.keepOthers': 'Nein, dort angemeldet bleiben',
  'forgot.community': 'Kurzname der Community',
  'forgot.communityHint':
    'Ihr Unternehmen nutzt auf diesem Server mehrere Communitys: Geben Sie den Kurznamen ein, den Sie bekommen haben.',
  'forgot.noCode':
    'Kein Code? Bitten Sie Ihre Administration, Ihr Konto zurückzusetzen; Sie bekommen dann eine neue Einladung per SMS.',
  'forgot.done': 'Ihr Passwort ist geändert und Sie sind angemeldet.',
  'forgot.doneOthers':
    'Ihr Passwort ist geändert, Sie sind angemeldet und {count, plural, one {# anderes Gerät wurde abgemeldet} other {# andere Geräte wurden abgemeldet}}.',
  'forgot.newCodeHint':
    'Ihr Wiederherstellungscode ist verbraucht. Erstellen Sie jetzt unter Sicherheit und Anmeldung einen neuen.',
  'forgot.totpStep':
    'Dies ist ein Administrationskonto. Geben Sie zum Abschluss den 6-stelligen Code aus Ihrer Authenticator-App oder einen Backup-Code ein.',
  'forgot.finish': 'Passwort zurücksetzen und anmelden',

  'security.title': 'Sicherheit und Anmeldung',
  'security.recoveryTitle': 'Wiederherstellungscode erstellen',
  'security.recoveryIntro':
    'Mit einem Wiederherstellungscode setzen Sie Ihr Passwort selbst am Handy zurück, ohne die IT anzurufen. Ein neuer Code ersetzt den alten.',
  'security.recoveryPassword': 'Ihr Passwort',
  'security.recoveryButton': 'Wiederherstellungscode erstellen',
  'security.recoveryShown': 'Ihr neuer Wiederherstellungscode:',
  'security.recoveryStore':
    'Bewahren Sie ihn sicher auf. Er wird nur jetzt angezeigt und funktioniert einmal.',
  'security.changeTitle': 'Passwort ändern',
  'security.current': 'Aktuelles Passwort',
  'security.new': 'Neues Passwort',
  'security.logoutOthers': 'Auf anderen Geräten abmelden',
  'security.changeButton': 'Passwort ändern',
  'security.changed': 'Ihr Passwort ist geändert.',
  'security.sessionsTitle': 'Wo Sie angemeldet sind',
  'security.thisDevice': 'Dieses Gerät',
  'security.signedInAt': 'Angemeldet am {when}',
  'security.lastUsed': 'zuletzt genutzt am {when}',
  'security.signOutDevice': 'Sitzung beenden',
  'security.logoutOthersButton': 'Auf anderen Geräten abmelden',
  'security.othersEnded':
    '{count, plural, one {# anderes Gerät wurde abgemeldet.} other {# andere Geräte wurden abgemeldet.}}',
  'security.browser': 'Browser',
  'security.twoStepTitle': 'Zwei-Schritt-Anmeldung',
  'security.twoStepOn':
    'An: Sie melden sich mit Ihrem Passwort und einem Code aus Ihrer Authenticator-App an.',
  'security.twoStepOff':
    'Aus. Ergänzen Sie Ihre Anmeldung um einen Code aus einer Authenticator-App auf Ihrem Handy, damit ein gestohlenes Passwort allein Ihr Konto nicht öffnet.',
  'security.twoStepRequired':
    'Ihre Rolle verlangt das: Richten Sie sie ein, bevor Sie die Verwaltungsseiten nutzen.',
  'security.twoStepSetUp': 'Zwei-Schritt-Anmeldung einrichten',
  'security.twoStepReplace': 'Auf ein neues Handy oder eine neue App umziehen',

  'twoStep.title': 'Zwei-Schritt-Anmeldung',
  'twoStep.required':
    'Sie verwalten Konten anderer Personen, deshalb melden Sie sich mit Ihrem Passwort und einem Code aus einer Authenticator-App auf Ihrem Handy an. Richten Sie das jetzt ein, um fortzufahren; es dauert zwei Minuten.',
  'twoStep.intro':
    'Melden Sie sich mit Ihrem Passwort und einem Code aus einer Authenticator-App auf Ihrem Handy an, etwa Google Authenticator, Microsoft Authenticator oder 2FAS. Dann öffnet ein gestohlenes Passwort allein Ihr Konto nicht.',
  'twoStep.replaceIntro':
    'Die Zwei-Schritt-Anmeldung ist eingeschaltet. Um sie auf ein neues Handy oder eine neue App umzuziehen, richten Sie sie neu ein: Der alte Authenticator und die alten Backup-Codes funktionieren nicht mehr, sobald der neue bestätigt ist.',
  'twoStep.password': 'Ihr Passwort',
  'twoStep.currentCode': 'Ein Code aus Ihrem bisherigen Authenticator',
  'twoStep.start': 'Authenticator einrichten',
  'twoStep.scanTitle': 'Muster zu Ihrer Authenticator-App hinzufügen',
  'twoStep.scan': 'Fügen Sie in Ihrer Authenticator-App ein Konto hinzu und scannen Sie diesen QR-Code.',
  'twoStep.qrAlt':
    'QR-Code, der Ihr Muster-Konto zu einer Authenticator-App hinzufügt. Wenn Sie ihn nicht scannen können, geben Sie den Schlüssel darunter ein.',
  'twoStep.key': 'Scannen klappt nicht? Geben Sie diesen Schlüssel in der App ein:',
  'twoStep.keyHint': 'Wählen Sie „zeitbasiert“, falls die App fragt. Leerzeichen spielen keine Rolle.',
  'twoStep.copyKey': 'Schlüssel kopieren',
  'twoStep.confirmTitle': 'Code aus der App eingeben',
  'twoStep.code': 'Code aus der App',
  'twoStep.codeHint': '6 Ziffern. Alle 30 Sekunden erscheint ein neuer.',
  'twoStep.confirm': 'Zwei-Schritt-Anmeldung einschalten',
  'twoStep.startAgain': 'Neu beginnen',
  'twoStep.on': 'Die Zwei-Schritt-Anmeldung ist eingeschaltet.',
  'twoStep.backupTitle': 'Ihre Backup-Codes',
  'twoStep.backupIntro':
    'Wenn Sie Ihr Handy verlieren, melden Sie sich mit einem dieser Codes statt mit einem Code aus der App an. Jeder Code funktioniert einmal.',
  'twoStep.backupStore':
    'Drucken Sie sie aus oder speichern Sie sie in einem Passwort-Manager. Sie werden nur jetzt angezeigt.',
  'twoStep.copyCodes': 'Alle Codes kopieren',
  'twoStep.saved': 'Ich habe sie gespeichert',

  'people.title': 'Personen',
  'people.add': 'Eine Person hinzufügen',
  'people.addMany': 'Mehrere Personen hinzufügen',
  'people.search': 'Nach Name, Nummer, E-Mail oder Personalnummer suchen',
  'people.filterState': 'Status',
  'people.filterKind': 'Anmeldung',
  'people.all': 'Alle',
  'people.name': 'Name',
  'people.login': 'Anmeldung',
  'people.status': 'Status',
  'people.job': 'Tätigkeit',
  'people.select': '{name} auswählen',
  'people.selectAll': 'Alle auf dieser Seite auswählen',
  'people.selected': '{count} ausgewählt',
  'people.remind': 'Erinnern',
  'people.unclaim': 'Auf „nicht aktiviert“ zurücksetzen',
  'people.deactivate': 'Deaktivieren',
  'people.exportCsv': 'Als CSV exportieren',
  'people.exportXlsx': 'Als Excel exportieren',
  'people.bulkDone': '{done} erledigt, {failed} nicht erledigt.',
  'people.empty': 'Keine Treffer. Fügen Sie Personen hinzu oder ändern Sie die Suche.',
  'people.count': '{count, plural, one {# Person} other {# Personen}}',
  'people.confirmUnclaim':
    '{count, plural, one {# Konto auf „nicht aktiviert“ zurücksetzen? Das Passwort funktioniert dann nicht mehr und die Person bekommt eine neue Einladung per SMS.} other {# Konten auf „nicht aktiviert“ zurücksetzen? Die Passwörter funktionieren dann nicht mehr und jede Person bekommt eine neue Einladung per SMS.}}',
  'people.confirmDeactivate':
    '{count, plural, one {# Konto deaktivieren? Die Person wird sofort abgemeldet und kann sich nicht mehr anmelden.} other {# Konten deaktivieren? Die Personen werden sofort abgemeldet und können sich nicht mehr anmelden.}}',

  'add.title': 'Eine Person hinzufügen',
  'add.accessMethod': 'Zugangsart',
  'add.byPhone': 'Handynummer',
  'add.byEmail': 'E-Mail',
  'add.country': 'Land',
  'add.phone': 'Handynummer',
  'add.phoneHint': 'Mit oder ohne Ländervorwahl und Pluszeichen.',
  'add.email': 'E-Mail-Adresse',
  'add.givenName': 'Vorname',
  'add.familyName': 'Nachname',
  'add.displayName': 'Anzeigename',
  'add.jobTitle': 'Tätigkeit',
  'add.department': 'Abteilung',
  'add.division': 'Bereich',
  'add.organization': 'Organisation',
  'add.costCenter': 'Kostenstelle',
  'add.location': 'Standort',
  'add.externalId': 'Personalnummer',
  'add.startDate': 'Eintrittsdatum',
  'add.frontline': 'Mitarbeitende im operativen Einsatz (Frontline)',
  'add.locale': 'Sprache',
  'add.localeHint': 'SMS und Seiten erreichen die Person in dieser Sprache.',
  'add.localeDefault': 'Standard der Community',
  'add.manager': 'Vorgesetzte Person',
  'add.managerHint': 'Nach Namen suchen',
  'add.sendSms': 'Einladungen per SMS senden',
  'add.sendEmail': 'Einladung per E-Mail senden',
  'add.emailHint': 'Die Person erhält eine E-Mail mit einem Link, um ihr Passwort festzulegen.',
  'add.save': 'Person hinzufügen',
  'add.phoneDisabled':
    'Das Anlegen von Profilen mit Handynummer ist ausgeschaltet. Die Systemadministration kann es in den Einstellungen einschalten.',
  'add.created': '{name} wurde hinzugefügt.',
  'add.createdSms': '{name} wurde hinzugefügt, die Einladung per SMS ist unterwegs.',
  'add.createdEmail': '{name} wurde hinzugefügt, die Einladung per E-Mail ist unterwegs.',

  'import.title': 'Mehrere Personen hinzufügen',
  'import.intro':
    'Laden Sie eine CSV- oder Excel-Datei hoch oder fügen Sie eine Liste ein, mit den Spaltennamen in der ersten Zeile. Dateien aus Workplace funktionieren unverändert: die Vorlage, die Datei für Personen ohne E-Mail (Employee Id) und der Konto-Export. Personen, die schon in Muster sind, werden aktualisiert und nie doppelt angelegt.',
  'import.paste': 'Zeilen hier einfügen',
  'import.file': 'Oder eine Datei auswählen',
  'import.check': 'Liste prüfen',
  'import.checking': 'Prüfe {done} von {total} …',
  'import.preview': 'Vorschau',
  'import.previewSummary':
    'Noch wurde nichts geändert. Der Import würde {created} hinzufügen, {updated} aktualisieren und {unchanged} unverändert lassen. Zeilen mit Fehlern: {failed}. Warten auf das Limit von morgen: {waiting}.',
  'import.unknownColumns': 'Diese Spalten werden nicht importiert, weil Muster sie nicht kennt: {columns}.',
  'import.rowsWithProblems': 'Zeilen mit Fehlern',
  'import.row': 'Zeile',
  'import.cells': 'Zeilenanfang',
  'import.reason': 'Grund',
  'import.sendNow': 'Einladungen jetzt senden',
  'import.sendLater': 'Jetzt hinzufügen, Einladungen später senden',
  'import.send': 'Einladungen per SMS senden',
  'import.addOnly': 'Personen hinzufügen',
  'import.noRows':
    'Es gibt keine Zeilen zum Hinzufügen. Fügen Sie eine Liste ein oder wählen Sie eine Datei.',
  'import.downloadErrors': 'Zeilen mit Fehlern herunterladen',
  'import.placeholder': 'phone,first name,last name\n+49 151 23456789,Lena,Schmidt',

  'importJob.title': 'Import',
  'importJob.back': 'Alle Importe',
  'importJob.state.queued': 'Wartet auf den Start',
  'importJob.state.running': 'Wird importiert',
  'importJob.state.waiting': 'Wartet auf das nächste Tageslimit',
  'importJob.state.done': 'Fertig',
  'importJob.state.failed': 'Gestoppt',
  'importJob.state.cancelled': 'Abgebrochen',
  'importJob.progress': '{processed} von {total} Zeilen',
  'importJob.counts':
    '{created} hinzugefügt, {updated} aktualisiert, {unchanged} unverändert, {failed} mit Fehlern.',
  'importJob.waitingUntil':
    'Das heutige Limit für neue Konten mit Handynummer ist erreicht. Wartende Zeilen: {waiting}. Der Import läuft am {time} von selbst weiter.',
  'importJob.closeTab': 'Sie können diese Seite schließen: Der Import läuft auf dem Server weiter.',
  'importJob.cancel': 'Import abbrechen',
  'importJob.confirmCancel': 'Diesen Import abbrechen? Bereits importierte Zeilen bleiben, wie sie sind.',
  'importJob.error': 'Der Import wurde gestoppt: {error}',

  'imports.title': 'Importe',
  'imports.empty': 'Noch keine Importe.',
  'imports.started': 'Gestartet',
  'imports.file': 'Datei',
  'imports.state': 'Status',
  'imports.result': 'Ergebnis',
  'imports.errors': 'Zeilen mit Fehlern',
  'imports.unnamed': 'Eingefügte Liste',

  'person.edit': 'Profil bearbeiten',
  'person.phoneFixed':
    'Ein Konto mit Handynummer behält seine Nummer dauerhaft, deshalb lässt sie sich hier nicht ändern. Für eine neue Nummer fügen Sie die Person mit dieser Nummer neu hinzu.',
  'person.actions': 'Konto',
  'person.resend': 'Einladung erneut senden',
  'person.left': 'Heute noch {left} von {limit, plural, one {# Einladung} other {# Einladungen}} übrig',
  'person.remind': 'Erinnern',
  'person.unclaim': 'Auf „nicht aktiviert“ zurücksetzen',
  'person.deactivate': 'Deaktivieren',
  'person.reactivate': 'Wieder aktivieren',
  'person.delete': 'Löschen',
  'person.confirmDelete': '{name} löschen? Das lässt sich nicht rückgängig machen.',
  'person.confirmUnclaim':
    'Das Konto von {name} auf „nicht aktiviert“ zurücksetzen? Das Passwort funktioniert dann nicht mehr und die Person bekommt eine neue Einladung per SMS.',
  'person.smsTitle': 'SMS',
  'person.sessionsTitle': 'Sitzungen',
  'person.noSessions': 'Nirgends angemeldet.',
  'person.role': 'Rolle',
  'person.invited': 'Eingeladen am {when}',
  'person.claimed': 'Aktiviert am {when}',
  'person.done': 'Erledigt.',
  'person.liftLockout': 'Sperre aufheben',
  'person.lockoutLifted':
    'Alle Sperren für Anmeldung und Wiederherstellung sind aufgehoben: {name} kann es jetzt erneut versuchen.',

  'invitations.title': 'Offene Einladungen',
  'invitations.intro':
    'Personen, die ihr Konto noch nicht aktiviert haben. Jede Person kann höchstens 5 Einladungs-SMS pro Tag bekommen.',
  'invitations.remindAll': 'Alle erinnern',
  'invitations.remindAllDone':
    '{reminded} erinnert; {skipped} übersprungen, weil heute keine Einladungs-SMS mehr übrig waren; {failed} konnten nicht erinnert werden.',
  'invitations.sentAt': 'Eingeladen am',

  'settings.title': 'Einstellungen',
  'settings.phoneProfiles': 'Profile mit Handynummer anlegen',
  'settings.phoneProfilesHelp':
    'Erlaubt der Administration, Personen per Handynummer hinzuzufügen und per SMS einzuladen. Gilt sofort.',
  'settings.accessCodes': 'Profile mit Zugangscodes anlegen',
  'settings.accessCodesHelp':
    'Erlaubt der Administration, Personen ohne E-Mail und Telefon hinzuzufügen, die mit einem ausgedruckten Code beitreten.',
  'settings.smsCountries': 'Erlaubte SMS-Länder',
  'settings.smsCountriesHelp':
    'Zweistellige Ländercodes, durch Kommas getrennt. Leer heißt: nur das Standardland.',
  'settings.claimLink': 'Gültigkeit des Einladungslinks (Tage)',
  'settings.claimLinkHelp':
    'Wie lange ein Einladungslink funktioniert, bevor die Person einen neuen braucht.',
  'settings.reminders': 'Automatische Erinnerungen',
  'settings.remindersHelp':
    'Schickt Personen, die ihr Konto noch nicht aktiviert haben, nach der Einladung erneut eine SMS.',
  'settings.reminderDays': 'Erinnerungstage',
  'settings.reminderDaysHelp': 'Tage nach der Einladung, durch Kommas getrennt (Workplace nutzte 3 und 5).',
  'settings.passwordMin': 'Mindestlänge des Passworts',
  'settings.passwordMinHelp': 'Mindestens 8. Länger ist sicherer; weitere Regeln sind nicht nötig.',
  'settings.idle': 'Abmeldung nach Inaktivität (Minuten)',
  'settings.idleHelp': 'Die Sitzung eines Mitglieds, die so lange nicht genutzt wird, endet.',
  'settings.absolute': 'Längste Sitzung (Stunden)',
  'settings.absoluteHelp':
    'Jede Sitzung eines Mitglieds endet nach dieser Zeit, egal wie viel sie genutzt wird.',
  'settings.adminIdle': 'Administration nach Inaktivität abmelden (Minuten)',
  'settings.adminIdleHelp':
    'Für Systemadministration, Kontoverwaltung und Analyse, deren Sitzungen auf die Konten aller zugreifen.',
  'settings.adminAbsolute': 'Längste Administrationssitzung (Stunden)',
  'settings.adminAbsoluteHelp':
    'Jede Administrationssitzung endet nach dieser Zeit, egal wie viel sie genutzt wird.',
  'settings.secondFactorManagers': 'Zwei-Schritt-Anmeldung für die Kontoverwaltung',
  'settings.secondFactorManagersHelp':
    'Die Systemadministration meldet sich immer mit Passwort und einem Code aus einer Authenticator-App an; diese Einstellung verlangt den Code auch von der Kontoverwaltung.',
  'settings.timeZone': 'Zeitzone der Community',
  'settings.timeZoneHelp': 'Tageslimits werden um Mitternacht in dieser Zeitzone zurückgesetzt.',
  'settings.name': 'Name der Community',
  'settings.nameHelp': 'Wird den Personen angezeigt und in jeder SMS genannt.',
  'settings.country': 'Standardland',
  'settings.countryHelp': 'Nummern ohne Ländervorwahl gelten als Nummern dieses Landes.',
  'settings.language': 'Standardsprache',
  'settings.languageHelp':
    'Gilt für Personen ohne eigene Sprache im Profil: für deren SMS und, sofern sie keine andere wählen, auch für deren Seiten.',

  'sms.title': 'SMS-Protokoll',
  'sms.status': 'Status',
  'sms.to': 'An',
  'sms.text': 'Text',
  'sms.when': 'Wann',
  'sms.resend': 'Erneut senden',
  'sms.resent': 'Eine neue SMS ist unterwegs.',
  'sms.status.queued': 'In der Warteschlange',
  'sms.status.sending': 'Wird gesendet',
  'sms.status.sent': 'Gesendet',
  'sms.status.delivered': 'Zugestellt',
  'sms.status.failed': 'Fehlgeschlagen',
  'sms.status.expired': 'Abgelaufen',

  'audit.title': 'Audit-Protokoll',
  'audit.type': 'Ereignis',
  'audit.from': 'Von',
  'audit.to': 'Bis',
  'audit.export': 'Als CSV exportieren',
  'audit.actor': 'Durch',
  'audit.target': 'Betrifft',
  'audit.when': 'Wann',
  'audit.outcome': 'Ergebnis',
  'audit.filter': 'Filtern',
  'audit.typeExample': 'Logged in',

  'limits.title': 'Limits',
  'limits.phoneAccounts': 'Neue Konten mit Handynummer heute',
  'limits.usage': '{used} von {limit} genutzt, {left} übrig.',
  'limits.resets': 'Wird {when} zurückgesetzt (Mitternacht, {zone}).',
  'limits.raise': 'So erhöhen Sie es: {how}',
  'limits.claimSms':
    'Jede Person kann höchstens {count, plural, one {# Einladungs-SMS} other {# Einladungs-SMS}} pro Tag bekommen.',

  'lockouts.title': 'Gesperrte Konten',
  'lockouts.intro':
    'Konten, die nach zu vielen falschen Passwörtern oder Wiederherstellungscodes vorübergehend gesperrt sind. Eine Sperre endet von selbst; heben Sie sie früher auf, wenn Sie sicher wissen, dass die Person die ist, die sie vorgibt zu sein.',
  'lockouts.empty': 'Zurzeit ist kein Konto gesperrt.',
  'lockouts.account': 'Konto',
  'lockouts.kind': 'Gesperrt für',
  'lockouts.kind.sign_in': 'Anmeldung',
  'lockouts.kind.recovery': 'Passwort zurücksetzen',
  'lockouts.until': 'Bis',
  'lockouts.action': 'Aktion',
  'lockouts.lift': 'Sperre aufheben',
  'lockouts.liftFor': 'Sperre für {name} aufheben',
  'lockouts.lifted': 'Sperre für {name} aufgehoben.',
  'lockouts.noAccount': 'Kein Konto hat diese Anmeldung',

  'integrations.title': 'Integrationen',
  'integrations.intro':
    'Mit API-Tokens kann Ihr Identitätsanbieter (Microsoft Entra ID, Okta, JumpCloud, OneLogin) Personen per SCIM hinzufügen, ändern und deaktivieren, und Ihre eigenen Skripte können die REST-API nutzen. Ein Token darf, was die Rolle seiner Erstellerin oder seines Erstellers zum Zeitpunkt der Nutzung erlaubt, nur in dieser Community, und funktioniert nicht mehr, sobald diese Person deaktiviert wird.',
  'integrations.scimBase': 'SCIM-Basis-URL für Identitätsanbieter:',
  'integrations.createTitle': 'Token erstellen',
  'integrations.name': 'Name',
  'integrations.nameHint':
    'Wofür er gedacht ist, etwa „Entra-ID-Bereitstellung“ oder „Nächtlicher HR-Abgleich“.',
  'integrations.scopes': 'Was er nutzen darf',
  'integrations.scope.scim': 'SCIM',
  'integrations.scope.rest': 'REST-API',
  'integrations.scopeScimHint': 'Für einen Identitätsanbieter: Personen und Gruppen unter /scim/v2.',
  'integrations.scopeRestHint':
    'Für Skripte: die API, die auch die Verwaltungsoberfläche nutzt, unter /api/v1.',
  'integrations.expires': 'Läuft ab nach (Tagen)',
  'integrations.expiresHint': 'Optional. Leer lassen für einen Token, der bis zum Widerruf gilt.',
  'integrations.create': 'Token erstellen',
  'integrations.nameRequired': 'Geben Sie dem Token einen Namen, damit Sie ihn später erkennen.',
  'integrations.scopeRequired': 'Wählen Sie SCIM, REST-API oder beides.',
  'integrations.daysInvalid':
    'Geben Sie eine ganze Zahl von 1 bis 3650 Tagen ein oder lassen Sie das Feld leer.',
  'integrations.newTitle': 'Ihr neuer Token: {name}',
  'integrations.storeNow': 'Speichern Sie diesen Token jetzt: Er wird nicht noch einmal angezeigt.',
  'integrations.storeWhy':
    'Fügen Sie ihn dort ein, wo er gebraucht wird, oder in einen Passwort-Manager. Muster speichert nur einen Fingerabdruck davon: Geht er verloren, widerrufen Sie ihn und erstellen Sie einen neuen.',
  'integrations.token': 'API-Token',
  'integrations.copyToken': 'Token kopieren',
  'integrations.scimUrl': 'SCIM-Basis-URL',
  'integrations.scimUrlHint':
    'Microsoft Entra ID: Als Mandanten-URL (Tenant URL) einfügen, den Token als geheimes Token (Secret Token). Okta: Als Basis-URL des SCIM-Connectors einfügen, den Token als Bearer-Token im HTTP-Header.',
  'integrations.copyUrl': 'URL kopieren',
  'integrations.restHint': 'Skripte senden ihn im Header „Authorization: Bearer <token>“ an {base}/api/v1.',
  'integrations.expiresOn': 'Er funktioniert bis {when}.',
  'integrations.noExpiry': 'Er funktioniert, bis er widerrufen wird.',
  'integrations.stored': 'Ich habe ihn gespeichert',
  'integrations.listTitle': 'Tokens',
  'integrations.empty': 'Noch keine Tokens.',
  'integrations.colName': 'Name',
  'integrations.colScopes': 'Für',
  'integrations.colToken': 'Token',
  'integrations.colCreated': 'Erstellt',
  'integrations.colLastUsed': 'Zuletzt genutzt',
  'integrations.colExpires': 'Läuft ab',
  'integrations.colStatus': 'Status',
  'integrations.colAction': 'Aktion',
  'integrations.madeBy': 'Erstellt von {name}',
  'integrations.madeOnServer': 'Auf dem Server erstellt (npx muster token create)',
  'integrations.neverUsed': 'Nie',
  'integrations.fromIp': 'von {ip}',
  'integrations.neverExpires': 'Nie',
  'integrations.status.active': 'Aktiv',
  'integrations.status.expired': 'Abgelaufen',
  'integrations.status.revoked': 'Widerrufen',
  'integrations.revokedAt': 'Widerrufen am {when}',
  'integrations.revoke': 'Widerrufen',
  'integrations.revokeFor': '{name} widerrufen',
  'integrations.confirmRevoke':
    'Den Token „{name}“ widerrufen? Alles, was ihn nutzt, wird ab sofort abgewiesen. Das lässt sich nicht rückgängig machen.',
  'integrations.revoked':
    'Der Token „{name}“ ist widerrufen: Alles, was ihn nutzt, wird ab sofort abgewiesen.',

  'dev.title': 'SMS-Posteingang (Entwicklung)',
  'dev.texts': 'SMS',
  'dev.emails': 'E-Mails',
  'dev.emptyEmail':
    'Noch keine E-Mails. Fügen Sie eine Person per E-Mail-Adresse hinzu, dann erscheint ihre Einladung hier.',
  'dev.intro':
    'Mit dem SMS-Anbieter „console“ zeigt Muster hier die SMS, die es gesendet hätte. Links öffnen sich wie auf dem Handy.',
  'dev.empty':
    'Noch keine SMS. Fügen Sie eine Person per Handynummer hinzu, dann erscheint ihre Einladung hier.',
  'dev.to': 'An {to}',
  'dev.refresh': 'Aktualisieren',

  'nav.domains': 'Domains',
  'domains.title': 'Domains',
  'domains.intro':
    'Bestätigen Sie die Domains, die Ihrer Organisation gehören, etwa die aus Ihren dienstlichen E-Mail-Adressen. Dass eine Domain Ihnen gehört, zeigen Sie mit einem TXT-Eintrag in ihrem DNS. Muster sucht ihn, wenn Sie „Bestätigen“ wählen, und danach jeden Tag.',
  'domains.planTitle': 'Tarif: {plan}',
  'domains.planName.essentials': 'Essentials',
  'domains.planName.core': 'Core',
  'domains.plan.essentials':
    'Im Tarif Core erhöht eine bestätigte Domain das Tageslimit für neue Konten mit Handynummer. Den Tarif ändert, wer diesen Muster-Server betreibt.',
  'domains.plan.core':
    'Bestätigen Sie eine Domain, um das Tageslimit für neue Konten mit Handynummer zu erhöhen.',
  'domains.plan.coreVerified':
    'Ihre Community hat eine bestätigte Domain, daher ist ihr Tageslimit für neue Konten mit Handynummer erhöht.',
  'domains.manage': 'Domains verwalten',
  'domains.seeLimits': 'Heutige Limits ansehen',
  'domains.addTitle': 'Domain hinzufügen',
  'domains.name': 'Domainname',
  'domains.nameHint':
    'Zum Beispiel acme.com. Öffentliche E-Mail-Anbieter wie gmail.com lassen sich nicht bestätigen.',
  'domains.nameRequired': 'Geben Sie einen Domainnamen ein, zum Beispiel acme.com.',
  'domains.add': 'Domain hinzufügen',
  'domains.added':
    '{name} ist hinzugefügt. Veröffentlichen Sie den TXT-Eintrag und wählen Sie dann „Bestätigen“.',
  'domains.listTitle': 'Ihre Domains',
  'domains.empty': 'Noch keine Domains.',
  'domains.status.verified': 'Bestätigt',
  'domains.status.unverified': 'Nicht bestätigt',
  'domains.howTo':
    'Legen Sie bei Ihrem DNS-Anbieter einen TXT-Eintrag für {name} selbst an: Im Feld für Host oder Name steht „@“ (oder es bleibt leer), als Wert der Text unten. Wählen Sie dann „Bestätigen“. Ein neuer Eintrag ist meist nach wenigen Minuten sichtbar, manchmal erst nach einigen Stunden.',
  'domains.verifiedSince':
    'Bestätigt seit {when}. Lassen Sie den Eintrag bestehen: Muster prüft ihn jeden Tag.',
  'domains.lastChecked': 'Zuletzt geprüft: {when}.',
  'domains.neverChecked': 'Noch nicht geprüft.',
  'domains.recordFor': 'TXT-Eintrag für {name}',
  'domains.copyRecord': 'Eintrag kopieren',
  'domains.verify': 'Bestätigen',
  'domains.verifyFor': '{name} bestätigen',
  'domains.verifiedNow': '{name} ist bestätigt.',
  'domains.remove': 'Entfernen',
  'domains.removeFor': '{name} entfernen',
  'domains.confirmRemove':
    '{name} entfernen? Eine bestätigte Domain zählt ab sofort nicht mehr, und im Tarif Core kann das Tageslimit für neue Konten mit Handynummer wieder sinken. Sie können sie später mit einem neuen Eintrag wieder hinzufügen.',
  'domains.removed': '{name} ist entfernt.',
  'accessCode.title': 'Mit einem Zugangscode beitreten',
  'accessCode.intro':
    'Ihre Administration hat Ihnen einen Zugangscode aus 16 Buchstaben gegeben, auf einer Karte oder einem Blatt. Geben Sie ihn hier ein und wählen Sie dann einen Benutzernamen und ein Passwort: Damit melden Sie sich ab jetzt an.',
  'accessCode.code': 'Zugangscode',
  'accessCode.codeHint': '16 Buchstaben. Leerzeichen, Bindestriche und Kleinbuchstaben sind in Ordnung.',
  'accessCode.username': 'Benutzername',
  'accessCode.usernameHint':
    'Wählen Sie einen, den Sie sich merken können, etwa ana.silva: Buchstaben, Ziffern, Punkte, Binde- oder Unterstriche. Sie setzen Ihr Passwort mit einem neuen Code zurück? Geben Sie Ihren Benutzernamen ein oder lassen Sie das Feld leer.',
  'accessCode.password': 'Passwort',
  'accessCode.submit': 'Weiter',
  'accessCode.claimed':
    'Geschafft, Ihr Konto ist bereit. Ihr Benutzername ist {username}: Melden Sie sich ab jetzt damit und mit Ihrem Passwort an.',
  'accessCode.recovered':
    'Ihr Passwort ist geändert, und Sie sind auf allen anderen Geräten abgemeldet. Ihr Benutzername ist {username}.',
  'accessCode.continue': 'Weiter zu Ihrem Konto',
  'accessCode.haveAccount': 'Sie haben schon einen Benutzernamen und ein Passwort?',
  'accessCode.signIn': 'Anmelden',
  'accessCode.totpStep':
    'Dieses Konto meldet sich zusätzlich mit einer Authenticator-App an. Geben Sie zum Abschluss den 6-stelligen Code aus der App oder einen Backup-Code ein.',
  'login.accessCode': 'Zugangscode von Ihrer Administration bekommen?',
  'login.useAccessCode': 'Zugangscode verwenden',
  'person.usernameFixed': 'Von der Person mit ihrem Zugangscode gewählt. Er lässt sich nicht ändern.',
  'person.usernameNotYet':
    'Noch nicht gewählt: Die Person wählt einen Benutzernamen, wenn sie ihren Zugangscode verwendet.',
  'codes.title': 'Zugangscode',
  'codes.intro':
    'Diese Person hat weder E-Mail noch Telefon. Sie tritt mit einem Zugangscode aus 16 Buchstaben bei, den Sie ihr geben, und kommt damit auch wieder in ihr Konto, wenn sie ihr Passwort vergisst.',
  'codes.state.none': 'Noch kein Zugangscode erstellt.',
  'codes.state.active': 'Ein Zugangscode ist bis {when} einsatzbereit.',
  'codes.state.used': 'Der letzte Zugangscode wurde am {when} verwendet.',
  'codes.state.revoked': 'Der letzte Zugangscode wurde entwertet.',
  'codes.state.expired': 'Der letzte Zugangscode ist am {when} abgelaufen.',
  'codes.get': 'Zugangscode erstellen',
  'codes.getNew': 'Neuen Zugangscode erstellen',
  'codes.confirmNew':
    'Einen neuen Zugangscode für {name} erstellen? Der bisherige Code funktioniert dann sofort nicht mehr.',
  'codes.revoke': 'Zugangscode entwerten',
  'codes.revoked': 'Der Zugangscode ist entwertet: Er funktioniert nicht mehr.',
  'codes.shownOnce':
    'Geben Sie diesen Code an {name} weiter. Er wird nur einmal angezeigt, funktioniert einmal und läuft am {when} ab.',
  'codes.claimHint':
    'Die Person öffnet {url}, gibt den Code ein und wählt einen Benutzernamen und ein Passwort.',
  'codes.recoveryHint':
    'Die Person öffnet {url}, gibt den Code ein und wählt ein neues Passwort; auf allen anderen Geräten wird sie abgemeldet.',
  'codes.label': 'Zugangscode für {name}',
  'codes.copy': 'Code kopieren',
  'codes.printCard': 'Karte drucken',
  'codes.off':
    'Zugangscodes sind ausgeschaltet. Die Systemadministration kann „Profile mit Zugangscodes anlegen“ in den Einstellungen einschalten.',
  'codes.bulk': 'Zugangscodes erstellen',
  'codes.confirmBulk':
    '{count, plural, one {Einen neuen Zugangscode für # Person erstellen? Ein bisheriger Code funktioniert dann nicht mehr.} other {Neue Zugangscodes für # Personen erstellen? Bisherige Codes funktionieren dann nicht mehr.}} Nur Personen ohne E-Mail und Telefon bekommen einen.',
  'sheet.title': 'Zugangscodes',
  'sheet.warning':
    'Diese Codes werden nur einmal angezeigt. Drucken Sie sie aus oder laden Sie jetzt die CSV-Datei herunter: Sobald Sie diese Seite verlassen, sind sie weg, und Sie müssten neue erstellen.',
  'sheet.print': 'Drucken',
  'sheet.csv': 'CSV herunterladen',
  'sheet.summary': '{done, plural, one {# Code erstellt.} other {# Codes erstellt.}}',
  'sheet.failed': 'Diese Personen haben keinen Code bekommen:',
  'sheet.none':
    'Es gibt keine Codes anzuzeigen. Codes werden nur einmal angezeigt: Um neue zu erstellen, wählen Sie in der Personenliste Personen aus und dann „Zugangscodes erstellen“.',
  'sheet.back': 'Zurück zu Personen',
  'sheet.cardFor': 'Zugangscode für {community}',
  'sheet.claim':
    'Scannen Sie den QR-Code oder öffnen Sie {url} und geben Sie den Code ein. Wählen Sie dann einen Benutzernamen und ein Passwort.',
  'sheet.recovery':
    'Scannen Sie den QR-Code oder öffnen Sie {url} und geben Sie den Code ein. Wählen Sie dann ein neues Passwort.',
  'sheet.expires': 'Funktioniert einmal, bis {when}.',
  'sheet.employeeId': 'Personalnummer: {id}',
  'sheet.username': 'Benutzername: {username}',
  'sheet.qrAlt': 'QR-Code, der die Seite öffnet, auf der dieser Zugangscode verwendet wird',
  'add.byEmployeeId': 'Nur Personalnummer (Zugangscode)',
  'add.employeeIdHelp':
    'Für Personen ohne E-Mail und Telefon. Erstellen Sie nach dem Hinzufügen den Zugangscode auf der Seite der Person, oder für viele Personen auf einmal in der Personenliste, und geben Sie ihn ihr: Damit wählt sie einen Benutzernamen und ein Passwort. Auf dem gedruckten Blatt unterscheidet die Personalnummer die Personen.',
  'add.accessCodesDisabled':
    'Personen nur mit Personalnummer hinzuzufügen erfordert „Profile mit Zugangscodes anlegen“, und das ist ausgeschaltet. Die Systemadministration kann es in den Einstellungen einschalten.',
  'add.createdAccessCode':
    '{name} wurde hinzugefügt. Öffnen Sie die Seite der Person, um den Zugangscode zu erstellen:',

  // Sign in with Muster (R60): the app sign-in and consent pages, and the Apps admin page.
  'nav.apps': 'Apps',
  'oidcLogin.title': 'Bei {app} anmelden',
  'oidcLogin.intro':
    '{app} verwendet Ihr Konto bei {community} in Muster. Melden Sie sich an wie in Muster; {app} sieht Ihr Passwort nie.',
  'oidcLogin.otherCommunity':
    'Sie sind bei einer anderen Community angemeldet. Melden Sie sich mit Ihrem Konto bei {community} an, um fortzufahren.',
  'oidcLogin.submit': 'Anmelden und fortfahren',
  'oidcLogin.cancel': 'Abbrechen und zurück zu {app}',
  'oidcLogin.expiredTitle': 'Diese Anmeldung ist abgelaufen',
  'oidcLogin.expired':
    'Diese Anmeldeanfrage ist abgelaufen oder wurde schon abgeschlossen. Gehen Sie zurück zur App und melden Sie sich erneut an.',
  'oidcLogin.secondFactorFirst':
    'Ihr Konto ist ein Administratorkonto: Für die Anmeldung bei {app} brauchen Sie zuerst die Anmeldung in zwei Schritten. Richten Sie sie in Muster ein, gehen Sie dann zurück zu {app} und melden Sie sich erneut an.',
  'oidcLogin.setUpSecondFactor': 'Anmeldung in zwei Schritten einrichten',
  'oidcConsent.title': '{app} erlauben?',
  'oidcConsent.signedInAs': 'Sie sind als {name} ({community}) angemeldet.',
  'oidcConsent.asks': '{app} möchte:',
  'oidcConsent.scopeSignIn': 'Sie mit Ihrem Muster-Konto anmelden',
  'oidcConsent.scopeProfile': 'Ihren Namen, Ihre Sprache und Zeitzone sehen',
  'oidcConsent.scopeEmail': 'Ihre E-Mail-Adresse sehen',
  'oidcConsent.scopePhone': 'Ihre Handynummer sehen',
  'oidcConsent.scopeMuster': 'Ihre Rolle, Abteilung und Personalnummer sehen',
  'oidcConsent.scopeOffline': 'Angemeldet bleiben, auch wenn Sie sie gerade nicht nutzen',
  'oidcConsent.notPassword':
    'Sie sieht Ihr Passwort nie. Sie werden für jede neue Anfrage nur einmal gefragt.',
  'oidcConsent.allow': 'Erlauben',
  'oidcConsent.deny': 'Nicht erlauben',
  'apps.title': 'Apps',
  'apps.intro':
    'Die anderen Apps des Unternehmens (Intranet, Dienstplan, Lohnabrechnung, Schulungen) können Personen mit ihrem Muster-Konto anmelden. Registrieren Sie hier jede App; ihre Administration braucht die Discovery-Adresse, die Client-ID und meist das Client-Secret.',
  'apps.discovery': 'Discovery-Adresse (OpenID Connect):',
  'apps.createTitle': 'App registrieren',
  'apps.editTitle': '{name} ändern',
  'apps.listTitle': 'Registrierte Apps',
  'apps.empty': 'Noch keine Apps. Registrieren Sie oben die erste.',
  'apps.name': 'Name',
  'apps.nameHint': 'Was Personen beim Anmelden sehen, etwa „Intranet“.',
  'apps.nameRequired': 'Geben Sie der App einen Namen.',
  'apps.redirectUris': 'Redirect-URIs',
  'apps.redirectUrisHint':
    'Eine pro Zeile: wohin die App Personen nach der Anmeldung empfängt. https, oder http nur auf 127.0.0.1 für Apps auf einem Computer.',
  'apps.redirectRequired': 'Geben Sie mindestens eine Redirect-URI an: Die Dokumentation der App nennt sie.',
  'apps.logoutUris': 'URIs nach dem Abmelden',
  'apps.logoutUrisHint': 'Optional, eine pro Zeile: wohin die App Personen nach dem Abmelden schicken darf.',
  'apps.backchannel': 'Back-Channel-Logout-URI',
  'apps.backchannelHint':
    'Optional: wo Muster der App mitteilt, dass sich jemand abgemeldet hat, deaktiviert oder zurückgesetzt wurde. Darf im Firmennetz liegen.',
  'apps.kind': 'Art der App',
  'apps.kindHint':
    'Eine Handy- oder Single-Page-App kann kein Secret geheim halten: Wählen Sie öffentlich. Eine serverseitige App bekommt ein Secret.',
  'apps.confidential': 'Vertraulich (hat ein Secret)',
  'apps.public': 'Öffentlich (Handy oder Single-Page)',
  'apps.withKeys': 'Vertraulich (signiert mit eigenen Schlüsseln)',
  'apps.firstParty': 'Eigene App',
  'apps.firstPartyHint':
    'Eine App, die das Unternehmen selbst betreibt: Personen werden nicht um Erlaubnis gefragt.',
  'apps.firstPartyBadge': 'eigene',
  'apps.register': 'App registrieren',
  'apps.saved': '{name} ist gespeichert.',
  'apps.shownTitle': '{name}: jetzt kopieren',
  'apps.clientId': 'Client-ID',
  'apps.clientSecret': 'Client-Secret',
  'apps.secretOnce':
    'Das Client-Secret wird nur dieses eine Mal angezeigt. Kopieren Sie es jetzt in die App; geht es verloren, erstellen Sie ein neues.',
  'apps.noSecret': 'Diese App hat kein Secret: Sie weist sich mit PKCE oder eigenen Schlüsseln aus.',
  'apps.done': 'Fertig',
  'apps.secretRotated': 'Secret erstellt',
  'apps.edit': 'Ändern',
  'apps.editFor': '{name} ändern',
  'apps.rotate': 'Neues Secret',
  'apps.rotateFor': 'Neues Secret für {name} erstellen',
  'apps.confirmRotate':
    'Neues Secret für {name} erstellen? Das alte Secret funktioniert sofort nicht mehr; die App kann niemanden anmelden, bis sie das neue hat.',
  'apps.remove': 'Entfernen',
  'apps.removeFor': '{name} entfernen',
  'apps.confirmRemove':
    '{name} entfernen? Niemand kann sich dann mehr mit Muster dort anmelden, und die Tokens der App funktionieren sofort nicht mehr.',
  'apps.removed': '{name} ist entfernt.',
} satisfies Record<keyof typeof en, string>;
