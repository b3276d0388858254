import type { en } from './en';

/**
 * French: "vous", as workplace messages address staff. French typography: a non-breaking space
 * before « : » and a narrow one before « ? », « ! » and « ; ».
 */
export const fr = {
  'app.name': 'Muster',
  'app.skip': 'Aller au contenu',
  'app.loading': 'Chargement…',
  'app.menu': 'Menu',
  'app.signOut': 'Se déconnecter',
  'app.notFound': 'Cette page n’existe pas.',
  'app.goHome': 'Aller à la page d’accueil',
  'app.retry': 'Réessayer',
  'app.save': 'Enregistrer',
  'app.saving': 'Enregistrement…',
  'app.saved': 'C’est enregistré.',
  'app.cancel': 'Annuler',
  'app.back': 'Retour',
  'app.continue': 'Continuer',
  'app.next': 'Suivant',
  'app.previous': 'Précédent',
  'app.more': 'Afficher plus',
  'app.none': 'Rien pour l’instant.',
  'app.required': 'obligatoire',
  'app.copy': 'Copier',
  'app.copied': 'Copié',
  'app.copyManual': 'C’est sélectionné : appuyez sur Ctrl+C (⌘C sur Mac) pour le copier.',
  'app.close': 'Fermer',
  'app.pages': 'Pages',
  'app.language': 'Langue',
  'app.offline': 'Impossible de joindre Muster. Vérifiez votre connexion et réessayez.',
  'app.failed': 'Un problème est survenu ({status}). Réessayez.',

  'error.invalid_credentials':
    'Cet identifiant et ce mot de passe ne correspondent à aucun compte actif. Vérifiez les deux, ou utilisez « Mot de passe oublié ? ».',
  'error.community_required':
    'Plusieurs communautés utilisent ce serveur : saisissez le nom court de la vôtre, tel que votre entreprise vous l’a donné.',
  'error.community_not_found':
    'Aucune communauté ne porte ce nom court. Vérifiez le nom court qui vous a été donné.',
  'error.unauthenticated': 'Vous n’êtes pas connecté, ou votre session a expiré. Reconnectez-vous.',
  'error.csrf_token_invalid': 'Cette page n’est plus à jour. Rechargez-la et réessayez.',
  'error.internal_error':
    'Un problème est survenu de notre côté. Réessayez ; si cela continue, prévenez votre administrateur.',
  'error.claim_link_not_found':
    'Ce lien d’invitation n’est pas valide. Vérifiez que vous avez ouvert le lien complet de votre SMS ou de votre e-mail. Demandez à votre administrateur de vous envoyer une nouvelle invitation.',
  'error.claim_link_expired':
    'Ce lien d’invitation a expiré. Demandez à votre administrateur de vous envoyer une nouvelle invitation.',
  'error.claim_link_used':
    'Ce lien d’invitation a déjà été utilisé. Si vous avez choisi un mot de passe, connectez-vous avec ; sinon, demandez à votre administrateur de vous envoyer une nouvelle invitation.',
  'error.claim_link_superseded':
    'Ce lien d’invitation a été remplacé par un plus récent. Utilisez le lien de votre dernier SMS ou e-mail, ou demandez à votre administrateur de vous envoyer une nouvelle invitation.',
  'error.reset_link_not_found':
    'Ce lien de réinitialisation du mot de passe n’est pas valide. Vérifiez que vous avez ouvert le lien complet de l’e-mail. Demandez un nouveau lien depuis la page de connexion (« Mot de passe oublié ? »).',
  'error.reset_link_expired':
    'Ce lien de réinitialisation du mot de passe a expiré. Demandez un nouveau lien depuis la page de connexion (« Mot de passe oublié ? »).',
  'error.reset_link_used':
    'Ce lien de réinitialisation du mot de passe a déjà été utilisé. Si ce n’était pas vous, demandez un nouveau lien depuis la page de connexion (« Mot de passe oublié ? »).',
  'error.recovery_failed':
    'Ce numéro de mobile et ce code de récupération ne correspondent pas. Vérifiez les deux et réessayez ; si vous avez perdu votre code, demandez à votre administrateur de réinitialiser votre compte.',
  'error.recovery_not_allowed':
    'Ceci est un compte administrateur : un code de récupération, un lien reçu par e-mail ou un code d’accès ne suffit pas à le réinitialiser. Demandez à un autre administrateur système de remettre votre compte en attente d’activation.',
  'error.second_factor_required':
    'Ceci est un compte administrateur : saisissez aussi le code à 6 chiffres de votre application d’authentification (ou un code de secours).',
  'error.totp_required':
    'Saisissez aussi le code à 6 chiffres de votre application d’authentification (ou l’un de vos codes de secours).',
  'error.totp_invalid':
    'Ce code n’est pas le bon, ou il a déjà été utilisé. Saisissez le code que votre application affiche maintenant, ou un code de secours.',
  'error.password_incorrect': 'Votre mot de passe n’est pas le bon. Saisissez-le à nouveau.',
  'error.rate_limited.seconds':
    'Trop de tentatives. Attendez {count, plural, one {# seconde} many {# de secondes} other {# secondes}} et réessayez, ou demandez de l’aide à votre administrateur.',
  'error.rate_limited.minutes':
    'Trop de tentatives. Attendez {count, plural, one {# minute} many {# de minutes} other {# minutes}} et réessayez, ou demandez de l’aide à votre administrateur.',
  'error.rate_limited.hours':
    'Trop de tentatives. Attendez {count, plural, one {# heure} many {# d’heures} other {# heures}} et réessayez, ou demandez de l’aide à votre administrateur.',
  'error.rate_limited.recoveryCodes':
    'Vous avez déjà créé {count, plural, one {# code de récupération} many {# de codes de récupération} other {# codes de récupération}} aujourd’hui, le maximum autorisé. Gardez le plus récent ; vous pourrez en créer un autre demain.',
  'error.password_too_short':
    'Choisissez un mot de passe d’au moins {min} caractères. Quelques mots faciles à retenir font très bien l’affaire.',
  'error.password_too_long': 'Choisissez un mot de passe de {max} caractères au maximum.',
  'error.password_too_common':
    'Ce mot de passe fait partie des plus courants : c’est le premier qu’un attaquant essaie. Choisissez-en un autre : quelques mots sans rapport entre eux font très bien l’affaire.',
  'error.password_too_personal':
    'Ce mot de passe reprend votre nom, votre numéro ou votre entreprise, que d’autres peuvent deviner. Choisissez autre chose.',
  'error.phone_invalid':
    'Ce n’est pas un numéro de mobile valide. Vérifiez les chiffres et ajoutez l’indicatif du pays, par exemple +44 7911 123456.',
  'error.phone_not_mobile':
    'Ce numéro n’est pas un numéro de mobile : il ne peut pas recevoir de SMS. Saisissez un numéro de mobile.',
  'error.access_code_profiles_disabled':
    'Les codes d’accès sont désactivés dans cette communauté. Un administrateur système peut les activer dans Paramètres.',
  'error.access_code_invalid':
    'Ce code d’accès n’est pas valide. Vérifiez que vous avez saisi les 16 lettres telles qu’elles sont imprimées ; les espaces et les tirets ne comptent pas. Si cela ne fonctionne toujours pas, demandez un nouveau code d’accès à votre administrateur.',
  'error.access_code_expired':
    'Ce code d’accès a expiré le {date}. Demandez un nouveau code d’accès à votre administrateur.',
  'error.access_code_used':
    'Ce code d’accès a déjà été utilisé. Si vous avez choisi un nom d’utilisateur et un mot de passe avec ce code, connectez-vous avec eux. Sinon, demandez un nouveau code d’accès à votre administrateur.',
  'error.access_code_revoked':
    'Votre administrateur a annulé ce code d’accès. Demandez-lui un nouveau code d’accès.',
  'error.username_required':
    'Choisissez un nom d’utilisateur : vous vous connecterez avec. Utilisez des lettres, des chiffres, des points, des tirets ou des tirets bas.',
  'error.username_invalid':
    'Ce nom d’utilisateur ressemble à un numéro de mobile, il ne peut donc pas servir de nom d’utilisateur. Ajoutez une ou deux lettres.',
  'error.username_mismatch':
    'Ce code d’accès correspond au compte dont le nom d’utilisateur est « {username} ». Saisissez ce nom d’utilisateur, ou laissez le champ vide.',
  'error.user_name_taken':
    'Quelqu’un dans cette communauté utilise déjà ce nom d’utilisateur. Choisissez-en un autre ; votre code d’accès reste valable.',
  'error.field.tooShort': 'Au moins {min} caractères',
  'error.field.tooLong': '{max} caractères au maximum',
  'error.field.tooCommon': 'Trop courant',
  'error.field.personal': 'Reprend vos informations personnelles',
  'error.field.mismatch': 'Ne correspond pas',
  'error.field.required': 'Obligatoire',
  'error.field.accessCode': 'Code d’accès non valide',
  'error.field.readsAsPhone': 'Ressemble à un numéro de mobile',
  'error.field.usernameIs': 'Le nom d’utilisateur de ce compte est {username}',
  'error.field.taken': 'Déjà utilisé',

  'nav.people': 'Personnes',
  'nav.invitations': 'Invitations en attente',
  'nav.lockouts': 'Comptes bloqués',
  'nav.settings': 'Paramètres',
  'nav.integrations': 'Intégrations',
  'nav.sms': 'Journal des SMS',
  'nav.audit': 'Journal d’audit',
  'nav.limits': 'Limites',
  'nav.security': 'Sécurité et connexion',
  'nav.devInbox': 'Boîte de réception SMS de développement',

  'state.not_invited': 'Non invité',
  'state.invited': 'Invité',
  'state.active': 'Actif',
  'state.deactivated': 'Désactivé',
  'role.system_admin': 'Administrateur système',
  'role.account_manager': 'Gestionnaire de comptes',
  'role.analyst': 'Analyste',
  'role.member': 'Membre',
  'kind.email': 'E-mail',
  'kind.phone': 'Numéro de mobile',
  'kind.username': 'Nom d’utilisateur',

  'setup.title': 'Configurer Muster',
  'setup.intro':
    'Créez votre communauté et son premier administrateur système. Ce lien ne fonctionne qu’une fois.',
  'setup.community': 'Votre communauté',
  'setup.name': 'Nom de l’entreprise ou de la communauté',
  'setup.slug': 'Nom court',
  'setup.slugHint':
    'Lettres minuscules, chiffres et tirets, par exemple acme-foods. Les personnes peuvent le saisir à la connexion.',
  'setup.timeZone': 'Fuseau horaire',
  'setup.timeZoneHint': 'Les limites quotidiennes repartent à zéro à minuit dans ce fuseau.',
  'setup.country': 'Pays de la plupart des numéros de mobile',
  'setup.you': 'Vous, premier administrateur système',
  'setup.yourName': 'Votre nom',
  'setup.email': 'Votre adresse e-mail',
  'setup.password': 'Choisissez un mot de passe',
  'setup.submit': 'Créer la communauté',
  'setup.done': 'Votre communauté est prête. Connectez-vous avec votre adresse e-mail et votre mot de passe.',
  'setup.noToken':
    'Cette page a besoin du lien de configuration affiché par le serveur à son démarrage. Ouvrez ce lien ou lancez npx muster setup.',
  'setup.alreadyDone': 'Muster est déjà configuré.',

  'login.title': 'Connexion',
  'login.identifier': 'E-mail ou numéro de mobile',
  'login.identifierHint':
    'Le numéro fonctionne avec ou sans l’indicatif du pays. Inscrit avec un code d’accès ? Saisissez votre nom d’utilisateur.',
  'login.password': 'Mot de passe',
  'login.community': 'Nom court de la communauté',
  'login.communityHint': 'Seulement si votre entreprise vous en a donné un.',
  'login.submit': 'Se connecter',
  'login.forgot': 'Mot de passe oublié ?',
  'login.codeStep':
    'Saisissez le code à 6 chiffres de votre application d’authentification, ou un code de secours.',
  'login.otherAccount': 'Utiliser un autre compte',

  'code.label': 'Code d’authentification',
  'code.hint': '6 chiffres de l’application, ou un code de secours comme ABCDE-FGHJK.',

  'password.rules': 'Au moins {min} caractères. Quelques mots faciles à retenir font très bien l’affaire.',
  'password.count': '{count} sur au moins {min} caractères',
  'password.ok': 'Longueur suffisante',
  'password.show': 'Afficher le mot de passe',

  'claim.title': 'Bienvenue chez {community}',
  'claim.intro':
    'Choisissez un mot de passe pour votre compte Muster. Vous vous connecterez avec votre numéro de mobile {phone} et ce mot de passe.',
  'claim.introEmail':
    'Choisissez un mot de passe pour votre compte Muster. Vous vous connecterez avec votre adresse e-mail {email} et ce mot de passe.',
  'claim.doneEmail':
    'C’est fait, vous avez accès à votre compte. Si vous oubliez un jour votre mot de passe, choisissez « Mot de passe oublié ? » pour recevoir un lien par e-mail.',
  'claim.password': 'Nouveau mot de passe',
  'claim.submit': 'Enregistrer le mot de passe et continuer',
  'claim.done':
    'C’est fait, vous avez accès à votre compte. Nous vous envoyons par SMS un code de récupération : gardez-le précieusement, il vous permet de réinitialiser votre mot de passe.',
  'claim.continue': 'Accéder à votre compte',
  'claim.problemTitle': 'Ce lien ne peut pas être utilisé',

  'forgot.title': 'Réinitialiser votre mot de passe',
  'forgot.useEmail': 'Je me connecte avec une adresse e-mail',
  'forgot.usePhone': 'Je me connecte avec un numéro de mobile',
  'forgot.emailStep':
    'Saisissez l’adresse e-mail avec laquelle vous vous connectez. Nous vous enverrons par e-mail un lien pour choisir un nouveau mot de passe.',
  'forgot.email': 'Adresse e-mail',
  'forgot.sendLink': 'M’envoyer un lien par e-mail',
  'forgot.emailSent':
    'Si {email} correspond à un compte, un e-mail avec un lien pour choisir un nouveau mot de passe est en route. Le lien est valable une heure. Si rien n’arrive d’ici quelques minutes, regardez dans vos courriers indésirables.',
  'reset.title': 'Choisissez un nouveau mot de passe',
  'reset.intro': 'Choisissez un nouveau mot de passe pour {name} chez {community}.',
  'reset.password': 'Nouveau mot de passe',
  'reset.logoutOthers': 'Me déconnecter de mes autres appareils',
  'reset.logoutOthersHint': 'À faire si vous pensez que quelqu’un d’autre connaît votre ancien mot de passe.',
  'reset.submit': 'Enregistrer le mot de passe et se connecter',
  'reset.problemTitle': 'Ce lien ne peut pas être utilisé',
  'reset.again': 'Demander un nouveau lien',
  'forgot.phoneStep': 'Saisissez le numéro de mobile avec lequel vous vous connectez.',
  'forgot.phone': 'Numéro de mobile',
  'forgot.reset': 'Réinitialiser le mot de passe',
  'forgot.codeStep':
    'Saisissez le code de récupération de 10 caractères reçu par SMS à votre arrivée, ou le dernier que vous avez créé.',
  'forgot.code': 'Code de récupération',
  'forgot.codeHint': 'Par exemple ABCDE-FGHJK. En majuscules ou minuscules, avec ou sans le tiret.',
  'forgot.passwordStep': 'Choisissez un nouveau mot de passe.',
  'forgot.newPassword': 'Nouveau mot de passe',
  'forgot.devicesStep': 'Voulez-vous vous déconnecter de vos autres appareils ?',
  'forgot.logoutOthers': 'Oui, me déconnecter des autres appareils',
  'forgot.keepOthers': 'Non, garder mes autres sessions ouvertes',
  'forgot.community': 'Nom court de la communauté',
  'forgot.communityHint':
    'Votre entreprise utilise plusieurs communautés sur ce serveur : saisissez le nom court qui vous a été donné.',
  'forgot.noCode':
    'Pas de code ? Demandez à votre administrateur de réinitialiser votre compte ; vous recevrez une nouvelle invitation par SMS.',
  'forgot.done': 'Votre mot de passe est modifié et votre session est ouverte.',
  'forgot.doneOthers':
    'Votre mot de passe est modifié, votre session est ouverte et {count, plural, one {# autre appareil a été déconnecté} many {# d’autres appareils ont été déconnectés} other {# autres appareils ont été déconnectés}}.',
  'forgot.newCodeHint':
    'Votre code de récupération a servi. Créez-en un nouveau dès maintenant dans Sécurité et connexion.',
  'forgot.totpStep':
    'Ceci est un compte administrateur. Pour terminer, saisissez le code à 6 chiffres de votre application d’authentification, ou un code de secours.',
  'forgot.finish': 'Réinitialiser le mot de passe et se connecter',

  'security.title': 'Sécurité et connexion',
  'security.recoveryTitle': 'Obtenir votre code de récupération',
  'security.recoveryIntro':
    'Un code de récupération vous permet de réinitialiser votre mot de passe depuis votre téléphone, sans appeler le support. En créer un nouveau remplace l’ancien.',
  'security.recoveryPassword': 'Votre mot de passe',
  'security.recoveryButton': 'Obtenir mon code de récupération',
  'security.recoveryShown': 'Votre nouveau code de récupération :',
  'security.recoveryStore':
    'Conservez-le en lieu sûr. Il n’est affiché que maintenant et ne sert qu’une fois.',
  'security.changeTitle': 'Changer de mot de passe',
  'security.current': 'Mot de passe actuel',
  'security.new': 'Nouveau mot de passe',
  'security.logoutOthers': 'Me déconnecter des autres appareils',
  'security.changeButton': 'Changer de mot de passe',
  'security.changed': 'Votre mot de passe est modifié.',
  'security.sessionsTitle': 'Où votre session est ouverte',
  'security.thisDevice': 'Cet appareil',
  'security.signedInAt': 'Connexion le {when}',
  'security.lastUsed': 'dernière utilisation le {when}',
  'security.signOutDevice': 'Fermer la session',
  'security.logoutOthersButton': 'Me déconnecter des autres appareils',
  'security.othersEnded':
    '{count, plural, one {# autre appareil a été déconnecté.} many {# d’autres appareils ont été déconnectés.} other {# autres appareils ont été déconnectés.}}',
  'security.browser': 'Navigateur',
  'security.twoStepTitle': 'Validation en deux étapes',
  'security.twoStepOn':
    'Activée : vous vous connectez avec votre mot de passe et un code de votre application d’authentification.',
  'security.twoStepOff':
    'Désactivée. Ajoutez à votre connexion un code d’une application d’authentification sur votre téléphone : un mot de passe volé ne suffira plus à ouvrir votre compte.',
  'security.twoStepRequired': 'Votre rôle l’exige : activez-la avant d’utiliser les pages d’administration.',
  'security.twoStepSetUp': 'Activer la validation en deux étapes',
  'security.twoStepReplace': 'La transférer sur un autre téléphone ou une autre application',

  'twoStep.title': 'Validation en deux étapes',
  'twoStep.required':
    'Vous gérez les comptes d’autres personnes : vous vous connectez donc avec votre mot de passe et un code d’une application d’authentification sur votre téléphone. Activez-la maintenant pour continuer ; cela prend deux minutes.',
  'twoStep.intro':
    'Connectez-vous avec votre mot de passe et un code d’une application d’authentification sur votre téléphone, comme Google Authenticator, Microsoft Authenticator ou 2FAS. Un mot de passe volé ne suffit alors plus à ouvrir votre compte.',
  'twoStep.replaceIntro':
    'La validation en deux étapes est activée. Pour la transférer sur un autre téléphone ou une autre application, configurez-la de nouveau : l’ancienne application et les anciens codes de secours cessent de fonctionner dès que la nouvelle est confirmée.',
  'twoStep.password': 'Votre mot de passe',
  'twoStep.currentCode': 'Un code de votre application d’authentification actuelle',
  'twoStep.start': 'Configurer l’application',
  'twoStep.scanTitle': 'Ajoutez Muster à votre application d’authentification',
  'twoStep.scan': 'Dans votre application d’authentification, ajoutez un compte et scannez ce QR code.',
  'twoStep.qrAlt':
    'QR code qui ajoute votre compte Muster à une application d’authentification. Si vous ne pouvez pas le scanner, saisissez la clé affichée dessous.',
  'twoStep.key': 'Impossible de scanner ? Saisissez cette clé dans l’application :',
  'twoStep.keyHint':
    'Choisissez « basé sur l’heure » si l’application le demande. Les espaces n’ont pas d’importance.',
  'twoStep.copyKey': 'Copier la clé',
  'twoStep.confirmTitle': 'Saisissez le code affiché par l’application',
  'twoStep.code': 'Code de l’application',
  'twoStep.codeHint': '6 chiffres. Un nouveau code apparaît toutes les 30 secondes.',
  'twoStep.confirm': 'Activer la validation en deux étapes',
  'twoStep.startAgain': 'Recommencer',
  'twoStep.on': 'La validation en deux étapes est activée.',
  'twoStep.backupTitle': 'Vos codes de secours',
  'twoStep.backupIntro':
    'Si vous perdez votre téléphone, connectez-vous avec l’un de ces codes au lieu d’un code de l’application. Chaque code ne sert qu’une fois.',
  'twoStep.backupStore':
    'Imprimez-les ou gardez-les dans un gestionnaire de mots de passe. Ils ne sont affichés que maintenant.',
  'twoStep.copyCodes': 'Copier tous les codes',
  'twoStep.saved': 'Je les ai enregistrés',

  'people.title': 'Personnes',
  'people.add': 'Ajouter une personne',
  'people.addMany': 'Ajouter plusieurs personnes',
  'people.search': 'Rechercher par nom, numéro, e-mail ou matricule',
  'people.filterState': 'Statut',
  'people.filterKind': 'Identifiant',
  'people.all': 'Tous',
  'people.name': 'Nom',
  'people.login': 'Identifiant',
  'people.status': 'Statut',
  'people.job': 'Poste',
  'people.select': 'Sélectionner {name}',
  'people.selectAll': 'Tout sélectionner sur cette page',
  'people.selected':
    '{count, plural, one {# sélectionnée} many {# de sélectionnées} other {# sélectionnées}}',
  'people.remind': 'Relancer',
  'people.unclaim': 'Remettre en attente d’activation',
  'people.deactivate': 'Désactiver',
  'people.exportCsv': 'Exporter en CSV',
  'people.exportXlsx': 'Exporter en Excel',
  'people.bulkDone': 'Effectuées : {done}. Non effectuées : {failed}.',
  'people.empty': 'Aucun résultat. Ajoutez des personnes ou modifiez la recherche.',
  'people.count': '{count, plural, one {# personne} many {# de personnes} other {# personnes}}',
  'people.confirmUnclaim':
    '{count, plural, one {Remettre # compte en attente d’activation ? Son mot de passe ne fonctionnera plus et la personne recevra une nouvelle invitation par SMS.} many {Remettre # de comptes en attente d’activation ? Leurs mots de passe ne fonctionneront plus et chaque personne recevra une nouvelle invitation par SMS.} other {Remettre # comptes en attente d’activation ? Leurs mots de passe ne fonctionneront plus et chaque personne recevra une nouvelle invitation par SMS.}}',
  'people.confirmDeactivate':
    '{count, plural, one {Désactiver # compte ? La personne sera déconnectée immédiatement et ne pourra plus se connecter.} many {Désactiver # de comptes ? Ces personnes seront déconnectées immédiatement et ne pourront plus se connecter.} other {Désactiver # comptes ? Ces personnes seront déconnectées immédiatement et ne pourront plus se connecter.}}',

  'add.title': 'Ajouter une personne',
  'add.accessMethod': 'Mode d’accès',
  'add.byPhone': 'Numéro de mobile',
  'add.byEmail': 'E-mail',
  'add.country': 'Pays',
  'add.phone': 'Numéro de mobile',
  'add.phoneHint': 'Avec ou sans l’indicatif du pays et le signe +.',
  'add.email': 'Adresse e-mail',
  'add.givenName': 'Prénom',
  'add.familyName': 'Nom',
  'add.displayName': 'Nom affiché',
  'add.jobTitle': 'Poste',
  'add.department': 'Service',
  'add.division': 'Division',
  'add.organization': 'Organisation',
  'add.costCenter': 'Centre de coûts',
  'add.location': 'Site',
  'add.externalId': 'Matricule',
  'add.startDate': 'Date d’arrivée',
  'add.frontline': 'Personnel de terrain',
  'add.locale': 'Langue',
  'add.localeHint': 'Ses SMS et ses pages sont dans cette langue.',
  'add.localeDefault': 'Celle de la communauté',
  'add.manager': 'Responsable',
  'add.managerHint': 'Rechercher par nom',
  'add.sendSms': 'Envoyer les invitations par SMS',
  'add.sendEmail': 'Envoyer l’invitation par e-mail',
  'add.emailHint': 'La personne reçoit un e-mail avec un lien pour choisir son mot de passe.',
  'add.save': 'Ajouter la personne',
  'add.phoneDisabled':
    'La création de profils avec un numéro de mobile est désactivée. Un administrateur système peut l’activer dans les Paramètres.',
  'add.created': 'Personne ajoutée : {name}.',
  'add.createdSms': 'Personne ajoutée : {name}. L’invitation par SMS est en route.',
  'add.createdEmail': 'Personne ajoutée : {name}. L’invitation par e-mail est en route.',

  'import.title': 'Ajouter plusieurs personnes',
  'import.intro':
    'Importez un fichier CSV ou Excel, ou collez une liste, avec les noms des colonnes sur la première ligne. Les fichiers de Workplace fonctionnent tels quels : son modèle, son fichier pour les personnes sans e-mail (Employee Id) et son export de comptes. Les personnes déjà présentes dans Muster sont mises à jour, jamais ajoutées deux fois.',
  'import.paste': 'Collez les lignes ici',
  'import.file': 'Ou choisissez un fichier',
  'import.check': 'Vérifier la liste',
  'import.checking': 'Vérification : {done} sur {total}…',
  'import.preview': 'Aperçu',
  'import.previewSummary':
    'Rien n’a encore été modifié. Résultat prévu de l’import : {created} à ajouter, {updated} à mettre à jour, {unchanged} sans changement. Lignes en erreur : {failed}. En attente de la limite de demain : {waiting}.',
  'import.unknownColumns': 'Ces colonnes ne sont pas importées, car Muster ne les reconnaît pas : {columns}.',
  'import.rowsWithProblems': 'Lignes en erreur',
  'import.row': 'Ligne',
  'import.cells': 'Début de la ligne',
  'import.reason': 'Motif',
  'import.sendNow': 'Envoyer les invitations maintenant',
  'import.sendLater': 'Ajouter maintenant, envoyer les invitations plus tard',
  'import.send': 'Envoyer les invitations par SMS',
  'import.addOnly': 'Ajouter les personnes',
  'import.noRows': 'Il n’y a aucune ligne à ajouter. Collez une liste ou choisissez un fichier.',
  'import.downloadErrors': 'Télécharger les lignes en erreur',
  'import.placeholder': 'phone,first name,last name\n+33 6 12 34 56 78,Camille,Martin',

  'importJob.title': 'Import',
  'importJob.back': 'Tous les imports',
  'importJob.state.queued': 'En attente de démarrage',
  'importJob.state.running': 'Import en cours',
  'importJob.state.waiting': 'En attente de la limite quotidienne',
  'importJob.state.done': 'Terminé',
  'importJob.state.failed': 'Interrompu',
  'importJob.state.cancelled': 'Annulé',
  'importJob.progress': 'Lignes traitées : {processed} sur {total}',
  'importJob.counts':
    'Ajoutées : {created}. Mises à jour : {updated}. Inchangées : {unchanged}. En erreur : {failed}.',
  'importJob.waitingUntil':
    'La limite du jour pour les nouveaux comptes par numéro de mobile est atteinte. Lignes en attente : {waiting}. L’import reprendra automatiquement le {time}.',
  'importJob.closeTab': 'Vous pouvez fermer cette page : l’import se poursuit sur le serveur.',
  'importJob.cancel': 'Annuler l’import',
  'importJob.confirmCancel': 'Annuler cet import ? Les lignes déjà importées restent telles quelles.',
  'importJob.error': 'L’import s’est arrêté : {error}',

  'imports.title': 'Imports',
  'imports.empty': 'Aucun import pour l’instant.',
  'imports.started': 'Lancé le',
  'imports.file': 'Fichier',
  'imports.state': 'Statut',
  'imports.result': 'Résultat',
  'imports.errors': 'Lignes en erreur',
  'imports.unnamed': 'Liste collée',

  'person.edit': 'Modifier le profil',
  'person.phoneFixed':
    'Un compte par numéro de mobile garde son numéro à vie : il ne peut donc pas être modifié ici. Pour utiliser un nouveau numéro, ajoutez de nouveau la personne avec celui-ci.',
  'person.actions': 'Compte',
  'person.resend': 'Renvoyer l’invitation',
  'person.left':
    '{left} sur {limit, plural, one {# invitation restante} many {# d’invitations restantes} other {# invitations restantes}} aujourd’hui',
  'person.remind': 'Relancer',
  'person.unclaim': 'Remettre en attente d’activation',
  'person.deactivate': 'Désactiver',
  'person.reactivate': 'Réactiver',
  'person.delete': 'Supprimer',
  'person.confirmDelete': 'Supprimer {name} ? Cette action est définitive.',
  'person.confirmUnclaim':
    'Remettre le compte de {name} en attente d’activation ? Son mot de passe ne fonctionnera plus et une nouvelle invitation lui sera envoyée par SMS.',
  'person.smsTitle': 'SMS',
  'person.sessionsTitle': 'Sessions',
  'person.noSessions': 'Aucune session ouverte.',
  'person.role': 'Rôle',
  'person.invited': 'Invitation le {when}',
  'person.claimed': 'Compte activé le {when}',
  'person.done': 'C’est fait.',
  'person.liftLockout': 'Lever le blocage',
  'person.lockoutLifted':
    'Les blocages de connexion et de récupération sont levés : {name} peut réessayer dès maintenant.',

  'invitations.title': 'Invitations en attente',
  'invitations.intro':
    'Les personnes qui n’ont pas encore activé leur compte. Chacune peut recevoir au plus 5 SMS d’invitation par jour.',
  'invitations.remindAll': 'Relancer tout le monde',
  'invitations.remindAllDone':
    'Relancées : {reminded}. Ignorées, faute de SMS d’invitation restants aujourd’hui : {skipped}. Relance impossible : {failed}.',
  'invitations.sentAt': 'Invitation envoyée le',

  'settings.title': 'Paramètres',
  'settings.phoneProfiles': 'Création de profils avec un numéro de mobile',
  'settings.phoneProfilesHelp':
    'Permet aux administrateurs d’ajouter des personnes par leur numéro de mobile et de les inviter par SMS. Prend effet immédiatement.',
  'settings.accessCodes': 'Création de profils avec des codes d’accès',
  'settings.accessCodesHelp':
    'Permet aux administrateurs d’ajouter des personnes sans e-mail ni téléphone, qui rejoignent la communauté avec un code imprimé.',
  'settings.smsCountries': 'Pays autorisés pour les SMS',
  'settings.smsCountriesHelp':
    'Codes pays à deux lettres, séparés par des virgules. Vide : seul le pays par défaut est autorisé.',
  'settings.claimLink': 'Durée de validité du lien d’invitation (jours)',
  'settings.claimLinkHelp':
    'Combien de temps un lien d’invitation fonctionne avant qu’il en faille un nouveau.',
  'settings.reminders': 'Relances automatiques',
  'settings.remindersHelp':
    'Renvoie un SMS aux personnes qui n’ont pas activé leur compte après l’invitation.',
  'settings.reminderDays': 'Jours de relance',
  'settings.reminderDaysHelp':
    'Jours après l’invitation, séparés par des virgules (Workplace utilisait 3 et 5).',
  'settings.passwordMin': 'Longueur minimale du mot de passe',
  'settings.passwordMinHelp':
    'Au moins 8. Plus c’est long, plus c’est sûr ; aucune autre règle n’est nécessaire.',
  'settings.idle': 'Déconnexion après inactivité (minutes)',
  'settings.idleHelp': 'La session d’un membre qui n’est pas utilisée pendant cette durée prend fin.',
  'settings.absolute': 'Durée maximale d’une session (heures)',
  'settings.absoluteHelp': 'Toute session de membre prend fin après cette durée, même si elle est utilisée.',
  'settings.adminIdle': 'Déconnexion des administrateurs après inactivité (minutes)',
  'settings.adminIdleHelp':
    'Pour les administrateurs système, gestionnaires de comptes et analystes, dont les sessions donnent accès aux comptes de tous.',
  'settings.adminAbsolute': 'Durée maximale d’une session d’administrateur (heures)',
  'settings.adminAbsoluteHelp':
    'Toute session d’administrateur prend fin après cette durée, même si elle est utilisée.',
  'settings.secondFactorManagers': 'Validation en deux étapes pour les gestionnaires de comptes',
  'settings.secondFactorManagersHelp':
    'Les administrateurs système se connectent toujours avec un mot de passe et un code d’une application d’authentification ; ce réglage demande aussi le code aux gestionnaires de comptes.',
  'settings.timeZone': 'Fuseau horaire de la communauté',
  'settings.timeZoneHelp': 'Les limites quotidiennes repartent à zéro à minuit dans ce fuseau horaire.',
  'settings.name': 'Nom de la communauté',
  'settings.nameHelp': 'Affiché aux personnes et cité dans chaque SMS.',
  'settings.country': 'Pays par défaut',
  'settings.countryHelp': 'Les numéros saisis sans indicatif sont lus comme des numéros de ce pays.',
  'settings.language': 'Langue par défaut',
  'settings.languageHelp':
    'Pour les personnes sans langue dans leur profil : leurs SMS l’utilisent, et leurs pages aussi, sauf si elles en choisissent une autre.',

  'sms.title': 'Journal des SMS',
  'sms.status': 'Statut',
  'sms.to': 'Destinataire',
  'sms.text': 'Texte',
  'sms.when': 'Date',
  'sms.resend': 'Renvoyer',
  'sms.resent': 'Un nouveau SMS est en route.',
  'sms.status.queued': 'En file d’attente',
  'sms.status.sending': 'Envoi en cours',
  'sms.status.sent': 'Envoyé',
  'sms.status.delivered': 'Remis',
  'sms.status.failed': 'Échec',
  'sms.status.expired': 'Expiré',

  'audit.title': 'Journal d’audit',
  'audit.type': 'Événement',
  'audit.from': 'Du',
  'audit.to': 'Au',
  'audit.export': 'Exporter en CSV',
  'audit.actor': 'Par',
  'audit.target': 'Concerne',
  'audit.when': 'Date',
  'audit.outcome': 'Résultat',
  'audit.filter': 'Filtrer',
  'audit.typeExample': 'Logged in',

  'limits.title': 'Limites',
  'limits.phoneAccounts': 'Nouveaux comptes par numéro de mobile aujourd’hui',
  'limits.usage': 'Utilisés : {used} sur {limit}. Restants : {left}.',
  'limits.resets': 'Remise à zéro {when} (minuit, {zone}).',
  'limits.raise': 'Pour l’augmenter : {how}',
  'limits.claimSms':
    'Chaque personne peut recevoir au plus {count, plural, one {# SMS d’invitation} many {# de SMS d’invitation} other {# SMS d’invitation}} par jour.',

  'lockouts.title': 'Comptes bloqués',
  'lockouts.intro':
    'Comptes bloqués pour un temps après trop de mots de passe ou de codes de récupération erronés. Le blocage se lève tout seul ; levez-le plus tôt une fois l’identité de la personne vérifiée.',
  'lockouts.empty': 'Aucun compte n’est bloqué en ce moment.',
  'lockouts.account': 'Compte',
  'lockouts.kind': 'Bloqué pour',
  'lockouts.kind.sign_in': 'Connexion',
  'lockouts.kind.recovery': 'Réinitialisation du mot de passe',
  'lockouts.until': 'Jusqu’au',
  'lockouts.action': 'Action',
  'lockouts.lift': 'Lever le blocage',
  'lockouts.liftFor': 'Lever le blocage de {name}',
  'lockouts.lifted': 'Blocage levé pour {name}.',
  'lockouts.noAccount': 'Aucun compte n’a cet identifiant',

  'integrations.title': 'Intégrations',
  'integrations.intro':
    'Les jetons d’API permettent à votre fournisseur d’identité (Microsoft Entra ID, Okta, JumpCloud, OneLogin) d’ajouter, de mettre à jour et de désactiver des personnes via SCIM, et à vos propres scripts d’utiliser l’API REST. Un jeton peut faire ce que le rôle de son créateur permet au moment où il est utilisé, dans cette communauté seulement, et cesse de fonctionner si son créateur est désactivé.',
  'integrations.scimBase': 'URL de base SCIM pour les fournisseurs d’identité :',
  'integrations.createTitle': 'Créer un jeton',
  'integrations.name': 'Nom',
  'integrations.nameHint':
    'À quoi il sert, par exemple « Provisionnement Entra ID » ou « Synchronisation RH de nuit ».',
  'integrations.scopes': 'Ce qu’il peut utiliser',
  'integrations.scope.scim': 'SCIM',
  'integrations.scope.rest': 'API REST',
  'integrations.scopeScimHint': 'Pour un fournisseur d’identité : personnes et groupes sur /scim/v2.',
  'integrations.scopeRestHint':
    'Pour des scripts : l’API qu’utilise le panneau d’administration, sur /api/v1.',
  'integrations.expires': 'Expire au bout de (jours)',
  'integrations.expiresHint': 'Facultatif. Laissez vide pour un jeton valable jusqu’à sa révocation.',
  'integrations.create': 'Créer le jeton',
  'integrations.nameRequired': 'Donnez un nom au jeton pour le reconnaître plus tard.',
  'integrations.scopeRequired': 'Choisissez SCIM, API REST, ou les deux.',
  'integrations.daysInvalid': 'Indiquez un nombre entier de jours entre 1 et 3650, ou laissez vide.',
  'integrations.newTitle': 'Votre nouveau jeton : {name}',
  'integrations.storeNow': 'Conservez ce jeton maintenant : il ne sera plus jamais affiché.',
  'integrations.storeWhy':
    'Collez-le là où il servira, ou dans un gestionnaire de mots de passe. Muster n’en garde qu’une empreinte : en cas de perte, révoquez-le et créez-en un nouveau.',
  'integrations.token': 'Jeton d’API',
  'integrations.copyToken': 'Copier le jeton',
  'integrations.scimUrl': 'URL de base SCIM',
  'integrations.scimUrlHint':
    'Microsoft Entra ID : collez-la dans « URL de locataire » (Tenant URL) et le jeton dans « Jeton secret » (Secret Token). Okta : collez-la dans « URL de base du connecteur SCIM » et le jeton comme jeton porteur (bearer) de l’en-tête HTTP.',
  'integrations.copyUrl': 'Copier l’URL',
  'integrations.restHint':
    'Les scripts l’envoient dans l’en-tête « Authorization: Bearer <token> » à {base}/api/v1.',
  'integrations.expiresOn': 'Il cesse de fonctionner le {when}.',
  'integrations.noExpiry': 'Il fonctionne jusqu’à sa révocation.',
  'integrations.stored': 'Je l’ai conservé',
  'integrations.listTitle': 'Jetons',
  'integrations.empty': 'Aucun jeton pour l’instant.',
  'integrations.colName': 'Nom',
  'integrations.colScopes': 'Pour',
  'integrations.colToken': 'Jeton',
  'integrations.colCreated': 'Créé le',
  'integrations.colLastUsed': 'Dernière utilisation',
  'integrations.colExpires': 'Expire le',
  'integrations.colStatus': 'Statut',
  'integrations.colAction': 'Action',
  'integrations.madeBy': 'Créé par {name}',
  'integrations.madeOnServer': 'Créé sur le serveur (npx muster token create)',
  'integrations.neverUsed': 'Jamais',
  'integrations.fromIp': 'depuis {ip}',
  'integrations.neverExpires': 'Jamais',
  'integrations.status.active': 'Actif',
  'integrations.status.expired': 'Expiré',
  'integrations.status.revoked': 'Révoqué',
  'integrations.revokedAt': 'Révoqué le {when}',
  'integrations.revoke': 'Révoquer',
  'integrations.revokeFor': 'Révoquer {name}',
  'integrations.confirmRevoke':
    'Révoquer le jeton « {name} » ? Tout ce qui l’utilise sera refusé à partir de maintenant. Cette action est définitive.',
  'integrations.revoked': 'Le jeton « {name} » est révoqué : tout ce qui l’utilise est désormais refusé.',

  'dev.title': 'Boîte de réception SMS de développement',
  'dev.texts': 'SMS',
  'dev.emails': 'E-mails',
  'dev.emptyEmail':
    'Aucun e-mail pour l’instant. Ajoutez une personne par son adresse e-mail : son invitation apparaîtra ici.',
  'dev.intro':
    'Avec le fournisseur SMS « console », Muster affiche ici les SMS qu’il aurait envoyés. Les liens s’ouvrent comme sur le téléphone.',
  'dev.empty':
    'Aucun SMS pour l’instant. Ajoutez une personne par son numéro de mobile : son invitation apparaîtra ici.',
  'dev.to': 'À {to}',
  'dev.refresh': 'Actualiser',

  'nav.domains': 'Domaines',
  'domains.title': 'Domaines',
  'domains.intro':
    'Vérifiez les domaines qui appartiennent à votre organisation, comme celui de vos adresses e-mail professionnelles. Vous prouvez qu’un domaine est à vous en publiant un enregistrement TXT dans son DNS. Muster le recherche quand vous choisissez Vérifier, puis chaque jour.',
  'domains.planTitle': 'Offre : {plan}',
  'domains.planName.essentials': 'Essentials',
  'domains.planName.core': 'Core',
  'domains.plan.essentials':
    'Avec l’offre Core, un domaine vérifié augmente la limite quotidienne de nouveaux comptes par numéro de mobile. C’est l’exploitant de ce serveur Muster qui change l’offre.',
  'domains.plan.core':
    'Vérifiez un domaine pour augmenter la limite quotidienne de nouveaux comptes par numéro de mobile.',
  'domains.plan.coreVerified':
    'Votre communauté a un domaine vérifié : sa limite quotidienne de nouveaux comptes par numéro de mobile est donc augmentée.',
  'domains.manage': 'Gérer les domaines',
  'domains.seeLimits': 'Voir les limites du jour',
  'domains.addTitle': 'Ajouter un domaine',
  'domains.name': 'Nom de domaine',
  'domains.nameHint':
    'Par exemple acme.com. Les messageries publiques comme gmail.com ne peuvent pas être vérifiées.',
  'domains.nameRequired': 'Saisissez un nom de domaine, par exemple acme.com.',
  'domains.add': 'Ajouter le domaine',
  'domains.added': '{name} est ajouté. Publiez son enregistrement TXT, puis choisissez Vérifier.',
  'domains.listTitle': 'Vos domaines',
  'domains.empty': 'Aucun domaine pour l’instant.',
  'domains.status.verified': 'Vérifié',
  'domains.status.unverified': 'Non vérifié',
  'domains.howTo':
    'Chez votre hébergeur DNS, ajoutez un enregistrement TXT sur {name} lui-même : le champ hôte ou nom vaut « @ » (ou reste vide), et la valeur est le texte ci-dessous. Choisissez ensuite Vérifier. Un nouvel enregistrement est en général visible en quelques minutes, mais cela peut prendre quelques heures.',
  'domains.verifiedSince':
    'Vérifié depuis le {when}. Laissez l’enregistrement en place : Muster le contrôle chaque jour.',
  'domains.lastChecked': 'Dernier contrôle : {when}.',
  'domains.neverChecked': 'Pas encore contrôlé.',
  'domains.recordFor': 'Enregistrement TXT de {name}',
  'domains.copyRecord': 'Copier l’enregistrement',
  'domains.verify': 'Vérifier',
  'domains.verifyFor': 'Vérifier {name}',
  'domains.verifiedNow': '{name} est vérifié.',
  'domains.remove': 'Retirer',
  'domains.removeFor': 'Retirer {name}',
  'domains.confirmRemove':
    'Retirer {name} ? S’il est vérifié, il cesse aussitôt de compter, et avec l’offre Core la limite quotidienne de nouveaux comptes par numéro de mobile peut redescendre. Vous pourrez l’ajouter de nouveau plus tard, avec un nouvel enregistrement.',
  'domains.removed': '{name} est retiré.',
  'accessCode.title': 'Rejoindre avec un code d’accès',
  'accessCode.intro':
    'Votre administrateur vous a remis un code d’accès de 16 lettres, sur une carte ou une feuille. Saisissez-le ici, puis choisissez un nom d’utilisateur et un mot de passe : vous vous connecterez désormais avec eux.',
  'accessCode.code': 'Code d’accès',
  'accessCode.codeHint': '16 lettres. Les espaces, les tirets et les minuscules sont acceptés.',
  'accessCode.username': 'Nom d’utilisateur',
  'accessCode.usernameHint':
    'Choisissez-en un facile à retenir, comme ana.silva : lettres, chiffres, points, tirets ou tirets bas. Vous réinitialisez votre mot de passe avec un nouveau code ? Saisissez votre nom d’utilisateur, ou laissez ce champ vide.',
  'accessCode.password': 'Mot de passe',
  'accessCode.submit': 'Continuer',
  'accessCode.claimed':
    'C’est fait, vous avez accès à votre compte. Votre nom d’utilisateur est {username} : connectez-vous désormais avec lui et votre mot de passe.',
  'accessCode.recovered':
    'Votre mot de passe est modifié et vos sessions sur tous les autres appareils sont fermées. Votre nom d’utilisateur est {username}.',
  'accessCode.continue': 'Accéder à votre compte',
  'accessCode.haveAccount': 'Vous avez déjà un nom d’utilisateur et un mot de passe ?',
  'accessCode.signIn': 'Se connecter',
  'accessCode.totpStep':
    'Ce compte se connecte aussi avec une application d’authentification. Pour terminer, saisissez le code à 6 chiffres de l’application, ou un code de secours.',
  'login.accessCode': 'Votre administrateur vous a remis un code d’accès ?',
  'login.useAccessCode': 'Utiliser votre code d’accès',
  'person.usernameFixed': 'Choisi par la personne avec son code d’accès. Il ne peut pas être modifié.',
  'person.usernameNotYet':
    'Pas encore choisi : la personne choisit un nom d’utilisateur quand elle utilise son code d’accès.',
  'codes.title': 'Code d’accès',
  'codes.intro':
    'Cette personne n’a ni e-mail ni téléphone. Elle rejoint la communauté, et retrouve l’accès si elle oublie son mot de passe, grâce à un code d’accès de 16 lettres que vous lui remettez.',
  'codes.state.none': 'Aucun code d’accès créé pour l’instant.',
  'codes.state.active': 'Un code d’accès est prêt à servir jusqu’au {when}.',
  'codes.state.used': 'Le dernier code d’accès a servi le {when}.',
  'codes.state.revoked': 'Le dernier code d’accès a été annulé.',
  'codes.state.expired': 'Le dernier code d’accès a expiré le {when}.',
  'codes.get': 'Obtenir un code d’accès',
  'codes.getNew': 'Obtenir un nouveau code d’accès',
  'codes.confirmNew':
    'Créer un nouveau code d’accès pour {name} ? Son code actuel cessera aussitôt de fonctionner.',
  'codes.revoke': 'Annuler le code d’accès',
  'codes.revoked': 'Le code d’accès est annulé : il ne fonctionne plus.',
  'codes.shownOnce':
    'Remettez ce code à {name}. Il n’est affiché qu’une fois, ne sert qu’une fois et expire le {when}.',
  'codes.claimHint':
    'La personne ouvre {url}, saisit le code et choisit un nom d’utilisateur et un mot de passe.',
  'codes.recoveryHint':
    'La personne ouvre {url}, saisit le code et choisit un nouveau mot de passe ; ses sessions sur tous les autres appareils sont fermées.',
  'codes.label': 'Code d’accès de {name}',
  'codes.copy': 'Copier le code',
  'codes.printCard': 'Imprimer une carte',
  'codes.off':
    'Les codes d’accès sont désactivés. Un administrateur système peut activer la création de profils avec des codes d’accès dans les Paramètres.',
  'codes.bulk': 'Obtenir des codes d’accès',
  'codes.confirmBulk':
    '{count, plural, one {Créer un nouveau code d’accès pour # personne ? Son code actuel cessera de fonctionner.} many {Créer de nouveaux codes d’accès pour # de personnes ? Leurs codes actuels cesseront de fonctionner.} other {Créer de nouveaux codes d’accès pour # personnes ? Leurs codes actuels cesseront de fonctionner.}} Seules les personnes sans e-mail ni téléphone en reçoivent un.',
  'sheet.title': 'Codes d’accès',
  'sheet.warning':
    'Ces codes ne sont affichés qu’une fois. Imprimez-les ou téléchargez le CSV maintenant : une fois cette page quittée, ils disparaissent et il faudrait en créer de nouveaux.',
  'sheet.print': 'Imprimer',
  'sheet.csv': 'Télécharger le CSV',
  'sheet.summary': '{done, plural, one {# code créé.} many {# de codes créés.} other {# codes créés.}}',
  'sheet.failed': 'Ces personnes n’ont pas reçu de code :',
  'sheet.none':
    'Aucun code à afficher. Les codes ne sont affichés qu’une fois : pour en créer de nouveaux, sélectionnez des personnes dans la liste Personnes et choisissez Obtenir des codes d’accès.',
  'sheet.back': 'Retour à la liste des personnes',
  'sheet.cardFor': 'Code d’accès pour {community}',
  'sheet.claim':
    'Scannez le QR code, ou ouvrez {url} et saisissez le code. Choisissez ensuite un nom d’utilisateur et un mot de passe.',
  'sheet.recovery':
    'Scannez le QR code, ou ouvrez {url} et saisissez le code. Choisissez ensuite un nouveau mot de passe.',
  'sheet.expires': 'Ne sert qu’une fois, jusqu’au {when}.',
  'sheet.employeeId': 'Matricule : {id}',
  'sheet.username': 'Nom d’utilisateur : {username}',
  'sheet.qrAlt': 'QR code qui ouvre la page où ce code d’accès s’utilise',
  'add.byEmployeeId': 'Matricule seul (code d’accès)',
  'add.employeeIdHelp':
    'Pour une personne sans e-mail ni téléphone. Après l’avoir ajoutée, créez son code d’accès sur sa page, ou pour plusieurs personnes à la fois depuis la liste Personnes, et remettez-le-lui : avec ce code, elle choisit un nom d’utilisateur et un mot de passe. Son matricule la distingue sur la feuille imprimée.',
  'add.accessCodesDisabled':
    'Ajouter des personnes avec leur seul matricule nécessite la création de profils avec des codes d’accès, qui est désactivée. Un administrateur système peut l’activer dans les Paramètres.',
  'add.createdAccessCode': 'Personne ajoutée : {name}. Ouvrez sa page pour créer son code d’accès :',

  // Sign in with Muster (R60): the app sign-in and consent pages, and the Apps admin page.
  'nav.apps': 'Applications',
  'oidcLogin.title': 'Se connecter à {app}',
  'oidcLogin.intro':
    '{app} utilise votre compte {community} sur Muster. Connectez-vous comme sur Muster ; {app} ne voit jamais votre mot de passe.',
  'oidcLogin.otherCommunity':
    'Vous êtes connecté à une autre communauté. Connectez-vous avec votre compte {community} pour continuer.',
  'oidcLogin.submit': 'Se connecter et continuer',
  'oidcLogin.cancel': 'Annuler et revenir à {app}',
  'oidcLogin.expiredTitle': 'Cette connexion a expiré',
  'oidcLogin.expired':
    'Cette demande de connexion a expiré ou est déjà terminée. Revenez à l’application et reconnectez-vous.',
  'oidcLogin.secondFactorFirst':
    'Votre compte est celui d’un administrateur : pour vous connecter à {app}, activez d’abord la connexion en deux étapes dans Muster, puis revenez à {app} et reconnectez-vous.',
  'oidcLogin.setUpSecondFactor': 'Activer la connexion en deux étapes',
  'oidcConsent.title': 'Autoriser {app} ?',
  'oidcConsent.signedInAs': 'Vous êtes connecté en tant que {name} ({community}).',
  'oidcConsent.asks': '{app} souhaite :',
  'oidcConsent.scopeSignIn': 'Vous connecter avec votre compte Muster',
  'oidcConsent.scopeProfile': 'Voir votre nom, votre langue et votre fuseau horaire',
  'oidcConsent.scopeEmail': 'Voir votre adresse e-mail',
  'oidcConsent.scopePhone': 'Voir votre numéro de portable',
  'oidcConsent.scopeMuster': 'Voir votre rôle, votre service et votre matricule',
  'oidcConsent.scopeOffline': 'Rester connecté quand vous ne l’utilisez pas',
  'oidcConsent.notPassword':
    'Elle ne voit jamais votre mot de passe. La question n’est posée qu’une fois pour chaque nouvelle demande.',
  'oidcConsent.allow': 'Autoriser',
  'oidcConsent.deny': 'Ne pas autoriser',
  'apps.title': 'Applications',
  'apps.intro':
    'Les autres applications de l’entreprise (intranet, plannings, paie, formation) peuvent connecter les personnes avec leur compte Muster. Enregistrez ici chaque application ; son administrateur a besoin de l’adresse de découverte, de l’identifiant client et, le plus souvent, du secret client.',
  'apps.discovery': 'Adresse de découverte (OpenID Connect) :',
  'apps.createTitle': 'Enregistrer une application',
  'apps.editTitle': 'Modifier {name}',
  'apps.listTitle': 'Applications enregistrées',
  'apps.empty': 'Aucune application pour l’instant. Enregistrez la première ci-dessus.',
  'apps.name': 'Nom',
  'apps.nameHint': 'Ce que voient les personnes en se connectant, par exemple « Intranet ».',
  'apps.nameRequired': 'Donnez un nom à l’application.',
  'apps.redirectUris': 'URI de redirection',
  'apps.redirectUrisHint':
    'Une par ligne : là où l’application reçoit les personnes après la connexion. https, ou http uniquement sur 127.0.0.1 pour les applications sur un ordinateur.',
  'apps.redirectRequired':
    'Indiquez au moins une URI de redirection : la documentation de l’application la donne.',
  'apps.logoutUris': 'URI après déconnexion',
  'apps.logoutUrisHint':
    'Facultatif, une par ligne : où l’application peut envoyer les personnes après leur déconnexion.',
  'apps.backchannel': 'URI de déconnexion back-channel',
  'apps.backchannelHint':
    'Facultatif : là où Muster prévient l’application qu’une personne s’est déconnectée, a été désactivée ou réinitialisée. Peut se trouver sur le réseau de l’entreprise.',
  'apps.kind': 'Type d’application',
  'apps.kindHint':
    'Une application mobile ou monopage ne peut pas garder de secret : choisissez publique. Une application côté serveur reçoit un secret.',
  'apps.confidential': 'Confidentielle (a un secret)',
  'apps.public': 'Publique (mobile ou monopage)',
  'apps.withKeys': 'Confidentielle (signe avec ses propres clés)',
  'apps.firstParty': 'Application interne',
  'apps.firstPartyHint':
    'Une application gérée par l’entreprise : on ne demande pas l’autorisation aux personnes.',
  'apps.firstPartyBadge': 'interne',
  'apps.register': 'Enregistrer l’application',
  'apps.saved': '{name} est enregistrée.',
  'apps.shownTitle': '{name} : copiez ceci maintenant',
  'apps.clientId': 'Identifiant client',
  'apps.clientSecret': 'Secret client',
  'apps.secretOnce':
    'Le secret client n’est affiché que cette fois. Copiez-le maintenant dans l’application ; s’il est perdu, créez-en un nouveau.',
  'apps.noSecret': 'Cette application n’a pas de secret : elle s’identifie avec PKCE ou ses propres clés.',
  'apps.done': 'Terminé',
  'apps.secretRotated': 'Secret créé',
  'apps.edit': 'Modifier',
  'apps.editFor': 'Modifier {name}',
  'apps.rotate': 'Nouveau secret',
  'apps.rotateFor': 'Créer un nouveau secret pour {name}',
  'apps.confirmRotate':
    'Créer un nouveau secret pour {name} ? L’ancien secret cesse aussitôt de fonctionner : l’application ne pourra connecter personne tant qu’elle n’aura pas le nouveau.',
  'apps.remove': 'Retirer',
  'apps.removeFor': 'Retirer {name}',
  'apps.confirmRemove':
    'Retirer {name} ? Plus personne ne pourra s’y connecter avec Muster, et les jetons qu’elle détient cessent aussitôt de fonctionner.',
  'apps.removed': '{name} est retirée.',
} satisfies Record<keyof typeof en, string>;
