import type { en } from './en';

/**
 * Tagalog as Philippine workplaces write it: friendly "mo/iyong", and the English words Filipino
 * staff use every day (password, sign in, account, code, app, SMS) kept in English.
 */
export const tl = {
  'app.name': 'Muster',
  'app.skip': 'Lumaktaw sa nilalaman',
  'app.loading': 'Naglo-load…',
  'app.menu': 'Menu',
  'app.signOut': 'Mag-sign out',
  'app.notFound': 'Walang ganitong page.',
  'app.goHome': 'Pumunta sa simula',
  'app.retry': 'Subukan ulit',
  'app.save': 'I-save',
  'app.saving': 'Sine-save…',
  'app.saved': 'Na-save na.',
  'app.cancel': 'Kanselahin',
  'app.back': 'Bumalik',
  'app.continue': 'Magpatuloy',
  'app.next': 'Susunod',
  'app.previous': 'Nakaraan',
  'app.more': 'Magpakita pa',
  'app.none': 'Wala pang laman dito.',
  'app.required': 'kailangan',
  'app.copy': 'Kopyahin',
  'app.copied': 'Nakopya na',
  'app.copyManual': 'Naka-select na: pindutin ang Ctrl+C (⌘C sa Mac) para makopya.',
  'app.close': 'Isara',
  'app.pages': 'Mga page',
  'app.language': 'Wika',
  'app.offline': 'Hindi maabot ang Muster. Tingnan ang iyong connection at subukan ulit.',
  'app.failed': 'Nagkaproblema ({status}). Subukan ulit.',

  'error.invalid_credentials':
    'Hindi tugma ang login at password na ito sa anumang active na account. Tingnan ang dalawa, o gamitin ang “Nakalimutan ang password?”.',
  'error.community_required':
    'Maraming community ang gumagamit ng server na ito: i-type ang maikling pangalan ng community mo, gaya ng ibinigay ng kumpanya mo.',
  'error.community_not_found':
    'Walang community na may ganitong maikling pangalan. Tingnan ang maikling pangalang ibinigay sa iyo.',
  'error.unauthenticated': 'Hindi ka naka-sign in, o tapos na ang session mo. Mag-sign in ulit.',
  'error.csrf_token_invalid': 'Luma na ang page na ito. I-reload ito at subukan ulit.',
  'error.internal_error':
    'Nagkaproblema sa panig namin. Subukan ulit; kung mangyari ulit, sabihan ang admin mo.',
  'error.claim_link_not_found':
    'Hindi valid ang invitation link na ito. Tiyaking binuksan mo ang buong link mula sa text o email mo. Hilingin sa admin mo na padalhan ka ng bagong imbitasyon.',
  'error.claim_link_expired':
    'Expired na ang invitation link na ito. Hilingin sa admin mo na padalhan ka ng bagong imbitasyon.',
  'error.claim_link_used':
    'Nagamit na ang invitation link na ito. Kung nakapag-set ka na ng password, mag-sign in gamit iyon; kung hindi pa, hilingin sa admin mo na padalhan ka ng bagong imbitasyon.',
  'error.claim_link_superseded':
    'Napalitan na ng mas bagong link ang invitation link na ito. Gamitin ang link sa pinakahuling text o email mo, o hilingin sa admin mo na padalhan ka ng bagong imbitasyon.',
  'error.reset_link_not_found':
    'Hindi valid ang password reset link na ito. Tiyaking binuksan mo ang buong link mula sa email. Humingi ng bagong link sa sign-in page (“Nakalimutan ang password?”).',
  'error.reset_link_expired':
    'Expired na ang password reset link na ito. Humingi ng bagong link sa sign-in page (“Nakalimutan ang password?”).',
  'error.reset_link_used':
    'Nagamit na ang password reset link na ito. Kung hindi ikaw ang gumamit nito, humingi ng bagong link sa sign-in page (“Nakalimutan ang password?”).',
  'error.recovery_failed':
    'Hindi tugma ang mobile number at recovery code na ito. Tingnan ang dalawa at subukan ulit; kung nawala mo ang code, hilingin sa admin mo na i-reset ang account mo.',
  'error.recovery_not_allowed':
    'Administrator account ito, kaya hindi ito mare-reset ng recovery code, ng link sa email, o ng access code lang. Hilingin sa ibang system admin na ibalik sa unclaimed ang account mo.',
  'error.second_factor_required':
    'Administrator account ito: ilagay din ang 6-digit na code mula sa iyong authenticator app (o isang backup code).',
  'error.totp_required':
    'Ilagay din ang 6-digit na code mula sa iyong authenticator app (o isa sa mga backup code mo).',
  'error.totp_invalid':
    'Mali ang code, o nagamit na ito. I-type ang code na ipinapakita ngayon ng app mo, o isang backup code.',
  'error.password_incorrect': 'Mali ang password mo. I-type ulit.',
  'error.rate_limited.seconds':
    'Masyadong maraming pagsubok. Maghintay ng {count, plural, one {# segundo} other {# segundo}} at subukan ulit, o humingi ng tulong sa admin mo.',
  'error.rate_limited.minutes':
    'Masyadong maraming pagsubok. Maghintay ng {count, plural, one {# minuto} other {# minuto}} at subukan ulit, o humingi ng tulong sa admin mo.',
  'error.rate_limited.hours':
    'Masyadong maraming pagsubok. Maghintay ng {count, plural, one {# oras} other {# oras}} at subukan ulit, o humingi ng tulong sa admin mo.',
  'error.rate_limited.recoveryCodes':
    'Nakagawa ka na ng {count, plural, one {# recovery code} other {# recovery code}} ngayong araw, ang pinakamaraming puwede. Itago ang pinakabago; puwede kang gumawa ulit bukas.',
  'error.password_too_short':
    'Pumili ng password na hindi bababa sa {min} character. Mainam ang ilang salitang madali mong maaalala.',
  'error.password_too_long': 'Pumili ng password na hindi hihigit sa {max} character.',
  'error.password_too_common':
    'Isa ang password na ito sa mga pinakakaraniwan, kaya ito ang unang susubukan ng umaatake. Pumili ng iba: mainam ang ilang salitang walang kaugnayan sa isa’t isa.',
  'error.password_too_personal':
    'Gawa ang password na ito sa pangalan, number o kumpanya mo, na kayang hulaan ng iba. Pumili ng iba.',
  'error.phone_invalid':
    'Hindi ito valid na mobile number. Tingnan ang mga digit at isama ang country code, halimbawa +44 7911 123456.',
  'error.phone_not_mobile':
    'Hindi mobile number ang number na ito, kaya hindi ito makakatanggap ng text. Maglagay ng mobile number.',
  'error.access_code_profiles_disabled':
    'Naka-off ang mga access code sa community na ito. Puwede itong i-on ng system admin sa Settings.',
  'error.access_code_invalid':
    'Hindi valid ang access code na ito. Tiyaking na-type mo ang lahat ng 16 na letra gaya ng nakaprint; hindi mahalaga ang mga space at gitling. Kung hindi pa rin gumagana, humingi ng bagong access code sa admin mo.',
  'error.access_code_expired':
    'Nag-expire ang access code na ito noong {date}. Humingi ng bagong access code sa admin mo.',
  'error.access_code_used':
    'Nagamit na ang access code na ito. Kung nakapili ka na ng username at password gamit ito, mag-sign in gamit ang mga iyon. Kung hindi, humingi ng bagong access code sa admin mo.',
  'error.access_code_revoked': 'Kinansela ng admin mo ang access code na ito. Humingi ng bago sa admin mo.',
  'error.username_required':
    'Pumili ng username: ito ang gagamitin mo sa pag-sign in. Gumamit ng mga letra, numero, tuldok, gitling o underscore.',
  'error.username_invalid':
    'Mukhang mobile number ang username na ito, kaya hindi ito puwede. Magdagdag ng isa o dalawang letra.',
  'error.username_mismatch':
    'Para sa account na may username na “{username}” ang access code na ito. I-type ang username na iyon, o iwanang blangko ang username.',
  'error.user_name_taken':
    'May gumagamit na ng username na ito sa community na ito. Pumili ng iba; gumagana pa rin ang access code mo.',
  'error.field.tooShort': 'Hindi bababa sa {min} character',
  'error.field.tooLong': 'Hindi hihigit sa {max} character',
  'error.field.tooCommon': 'Masyadong karaniwan',
  'error.field.personal': 'Gawa sa sarili mong detalye',
  'error.field.mismatch': 'Hindi tugma',
  'error.field.required': 'Kailangan',
  'error.field.accessCode': 'Hindi valid na access code',
  'error.field.readsAsPhone': 'Mukhang mobile number',
  'error.field.usernameIs': 'Ang username ng account na ito ay {username}',
  'error.field.taken': 'May gumagamit na',

  'nav.people': 'Mga tao',
  'nav.invitations': 'Mga nakabinbing imbitasyon',
  'nav.lockouts': 'Mga naka-lock na account',
  'nav.settings': 'Settings',
  'nav.integrations': 'Integrations',
  'nav.sms': 'SMS log',
  'nav.audit': 'Audit log',
  'nav.limits': 'Mga limit',
  'nav.security': 'Seguridad at pag-sign in',
  'nav.devInbox': 'Development SMS inbox',

  'state.not_invited': 'Hindi pa naiimbitahan',
  'state.invited': 'Naimbitahan na',
  'state.active': 'Aktibo',
  'state.deactivated': 'Naka-deactivate',
  'role.system_admin': 'System admin',
  'role.account_manager': 'Account manager',
  'role.analyst': 'Analyst',
  'role.member': 'Miyembro',
  'kind.email': 'Email',
  'kind.phone': 'Mobile number',
  'kind.username': 'Username',

  'setup.title': 'I-set up ang Muster',
  'setup.intro':
    'Gawin ang iyong community at ang unang system admin nito. Isang beses lang gagana ang link na ito.',
  'setup.community': 'Ang iyong community',
  'setup.name': 'Pangalan ng kumpanya o community',
  'setup.slug': 'Maikling pangalan',
  'setup.slugHint':
    'Maliliit na titik, numero at gitling, gaya ng acme-foods. Maaaring i-type ito ng mga tao kapag nagsa-sign in.',
  'setup.timeZone': 'Time zone',
  'setup.timeZoneHint': 'Nare-reset ang mga araw-araw na limit pagsapit ng hatinggabi rito.',
  'setup.country': 'Bansa ng karamihan sa mga mobile number',
  'setup.you': 'Ikaw, ang unang system admin',
  'setup.yourName': 'Ang pangalan mo',
  'setup.email': 'Ang email address mo',
  'setup.password': 'Pumili ng password',
  'setup.submit': 'Gawin ang community',
  'setup.done': 'Handa na ang iyong community. Mag-sign in gamit ang iyong email address at password.',
  'setup.noToken':
    'Kailangan ng page na ito ang setup link na ipinakita ng server noong nag-start ito. Buksan ang link na iyon, o patakbuhin ang npx muster setup.',
  'setup.alreadyDone': 'Naka-set up na ang Muster.',

  'login.title': 'Mag-sign in',
  'login.identifier': 'Email o mobile number',
  'login.identifierHint':
    'Gumagana ang mobile number kahit may country code o wala. Sumali gamit ang access code? I-type ang username mo.',
  'login.password': 'Password',
  'login.community': 'Maikling pangalan ng community',
  'login.communityHint': 'Kailangan lang kung may ibinigay sa iyo ang kumpanya mo.',
  'login.submit': 'Mag-sign in',
  'login.forgot': 'Nakalimutan ang password?',
  'login.codeStep': 'Ilagay ang 6-digit na code mula sa iyong authenticator app, o isang backup code.',
  'login.otherAccount': 'Gumamit ng ibang account',

  'code.label': 'Authenticator code',
  'code.hint': '6 na digit mula sa app, o backup code gaya ng ABCDE-FGHJK.',

  'password.rules': 'Hindi bababa sa {min} character. Mainam ang ilang salitang madali mong maaalala.',
  'password.count': '{count} sa hindi bababa sa {min} character',
  'password.ok': 'Sapat na ang haba',
  'password.show': 'Ipakita ang password',

  'claim.title': 'Maligayang pagdating sa {community}',
  'claim.intro':
    'Pumili ng password para sa iyong account sa Muster. Magsa-sign in ka gamit ang iyong mobile number {phone} at ang password na ito.',
  'claim.introEmail':
    'Pumili ng password para sa iyong account sa Muster. Magsa-sign in ka gamit ang iyong email address {email} at ang password na ito.',
  'claim.doneEmail':
    'Nakapasok ka na. Kung makalimutan mo ang password mo, piliin ang “Nakalimutan ang password?” para makatanggap ng link sa email.',
  'claim.password': 'Bagong password',
  'claim.submit': 'I-set ang password at magpatuloy',
  'claim.done':
    'Nakapasok ka na. Magte-text kami sa iyo ng recovery code: itago ito nang maayos, dahil dito mo mare-reset ang password mo.',
  'claim.continue': 'Pumunta sa iyong account',
  'claim.problemTitle': 'Hindi magagamit ang link na ito',

  'forgot.title': 'I-reset ang password mo',
  'forgot.useEmail': 'Email address ang gamit ko sa pag-sign in',
  'forgot.usePhone': 'Mobile number ang gamit ko sa pag-sign in',
  'forgot.emailStep':
    'Ilagay ang email address na ginagamit mo sa pag-sign in. Ie-email namin sa iyo ang link para makapili ng bagong password.',
  'forgot.email': 'Email address',
  'forgot.sendLink': 'I-email sa akin ang link',
  'forgot.emailSent':
    'Kung may account ang {email}, papunta na ang email na may link para makapili ng bagong password. Isang oras lang gagana ang link. Kung walang dumating sa loob ng ilang minuto, tingnan ang spam folder mo.',
  'reset.title': 'Pumili ng bagong password',
  'reset.intro': 'Pumili ng bagong password para kay {name} sa {community}.',
  'reset.password': 'Bagong password',
  'reset.logoutOthers': 'I-log out ako sa iba kong device',
  'reset.logoutOthersHint': 'Gawin ito kung sa tingin mo ay may ibang nakakaalam ng luma mong password.',
  'reset.submit': 'I-save ang password at mag-sign in',
  'reset.problemTitle': 'Hindi magagamit ang link na ito',
  'reset.again': 'Humingi ng bagong link',
  'forgot.phoneStep': 'Ilagay ang mobile number na ginagamit mo sa pag-sign in.',
  'forgot.phone': 'Mobile number',
  'forgot.reset': 'I-reset ang password',
  'forgot.codeStep':
    'Ilagay ang 10-character na recovery code na itinext namin noong sumali ka, o ang pinakabagong ginawa mo.',
  'forgot.code': 'Recovery code',
  'forgot.codeHint': 'Gaya ng ABCDE-FGHJK. Malaki o maliit na titik, may gitling man o wala.',
  'forgot.passwordStep': 'Pumili ng bagong password.',
  'forgot.newPassword': 'Bagong password',
  'forgot.devicesStep': 'Gusto mo bang mag-log out sa iba mong device?',
  'forgot.logoutOthers': 'Oo, i-log out sa ibang device',
  'forgot.keepOthers': 'Hindi, manatiling naka-sign in sa iba',
  'forgot.community': 'Maikling pangalan ng community',
  'forgot.communityHint':
    'Maraming community ang kumpanya mo sa server na ito: i-type ang maikling pangalang ibinigay sa iyo.',
  'forgot.noCode':
    'Walang code? Hilingin sa iyong admin na i-reset ang account mo; makakatanggap ka ng bagong imbitasyon sa text.',
  'forgot.done': 'Napalitan na ang password mo at naka-sign in ka na.',
  'forgot.doneOthers':
    'Napalitan na ang password mo, naka-sign in ka na, at na-log out ang {count, plural, one {# pang device} other {# pang device}}.',
  'forgot.newCodeHint': 'Nagamit na ang recovery code mo. Gumawa ng bago ngayon sa Seguridad at pag-sign in.',
  'forgot.totpStep':
    'Administrator account ito. Para matapos, ilagay ang 6-digit na code mula sa iyong authenticator app, o isang backup code.',
  'forgot.finish': 'I-reset ang password at mag-sign in',

  'security.title': 'Seguridad at pag-sign in',
  'security.recoveryTitle': 'Kunin ang recovery code mo',
  'security.recoveryIntro':
    'Sa recovery code, mare-reset mo ang password mo mula sa phone mo nang hindi na tumatawag sa IT. Kapag gumawa ka ng bago, papalitan nito ang luma.',
  'security.recoveryPassword': 'Ang password mo',
  'security.recoveryButton': 'Kunin ang recovery code ko',
  'security.recoveryShown': 'Ang bago mong recovery code:',
  'security.recoveryStore':
    'Itago ito sa ligtas na lugar. Ngayon lang ito ipapakita, at isang beses lang gagana.',
  'security.changeTitle': 'Palitan ang password',
  'security.current': 'Kasalukuyang password',
  'security.new': 'Bagong password',
  'security.logoutOthers': 'I-log out sa ibang device',
  'security.changeButton': 'Palitan ang password',
  'security.changed': 'Napalitan na ang password mo.',
  'security.sessionsTitle': 'Kung saan ka naka-sign in',
  'security.thisDevice': 'Ang device na ito',
  'security.signedInAt': 'Nag-sign in noong {when}',
  'security.lastUsed': 'huling ginamit noong {when}',
  'security.signOutDevice': 'Tapusin ang session',
  'security.logoutOthersButton': 'I-log out sa ibang device',
  'security.othersEnded':
    '{count, plural, one {Na-log out ang # pang device.} other {Na-log out ang # pang device.}}',
  'security.browser': 'Browser',
  'security.twoStepTitle': 'Two-step sign-in',
  'security.twoStepOn':
    'Naka-on: nagsa-sign in ka gamit ang password mo at code mula sa iyong authenticator app.',
  'security.twoStepOff':
    'Naka-off. Magdagdag ng code mula sa authenticator app sa phone mo sa pag-sign in, para hindi mabuksan ang account mo gamit lang ang ninakaw na password.',
  'security.twoStepRequired': 'Kailangan ito ng iyong role: i-set up muna bago gamitin ang mga admin page.',
  'security.twoStepSetUp': 'I-set up ang two-step sign-in',
  'security.twoStepReplace': 'Ilipat sa bagong phone o app',

  'twoStep.title': 'Two-step sign-in',
  'twoStep.required':
    'Dahil nag-aasikaso ka ng account ng ibang tao, nagsa-sign in ka gamit ang password mo at code mula sa authenticator app sa phone mo. I-set up ito ngayon para makapagpatuloy; dalawang minuto lang ito.',
  'twoStep.intro':
    'Mag-sign in gamit ang password mo at code mula sa authenticator app sa phone mo, gaya ng Google Authenticator, Microsoft Authenticator o 2FAS. Sa ganitong paraan, hindi mabubuksan ang account mo gamit lang ang ninakaw na password.',
  'twoStep.replaceIntro':
    'Naka-on ang two-step sign-in. Para ilipat ito sa bagong phone o app, i-set up ulit: hindi na gagana ang lumang authenticator at mga backup code kapag nakumpirma na ang bago.',
  'twoStep.password': 'Ang password mo',
  'twoStep.currentCode': 'Code mula sa kasalukuyan mong authenticator',
  'twoStep.start': 'I-set up ang authenticator',
  'twoStep.scanTitle': 'Idagdag ang Muster sa iyong authenticator app',
  'twoStep.scan': 'Sa iyong authenticator app, magdagdag ng account at i-scan ang QR code na ito.',
  'twoStep.qrAlt':
    'QR code na nagdadagdag ng iyong Muster account sa isang authenticator app. Kung hindi mo ma-scan, i-type ang key na nasa ibaba.',
  'twoStep.key': 'Hindi ma-scan? I-type ang key na ito sa app:',
  'twoStep.keyHint': 'Piliin ang “time based” kung itanong ng app. Hindi mahalaga ang mga space.',
  'twoStep.copyKey': 'Kopyahin ang key',
  'twoStep.confirmTitle': 'Ilagay ang code na ipinapakita ng app',
  'twoStep.code': 'Code mula sa app',
  'twoStep.codeHint': '6 na digit. May bagong lalabas kada 30 segundo.',
  'twoStep.confirm': 'I-on ang two-step sign-in',
  'twoStep.startAgain': 'Magsimula ulit',
  'twoStep.on': 'Naka-on na ang two-step sign-in.',
  'twoStep.backupTitle': 'Ang iyong mga backup code',
  'twoStep.backupIntro':
    'Kapag nawala ang phone mo, mag-sign in gamit ang isa sa mga code na ito sa halip na code mula sa app. Isang beses lang gagana ang bawat code.',
  'twoStep.backupStore':
    'I-print ang mga ito o itago sa isang password manager. Ngayon lang ipapakita ang mga ito.',
  'twoStep.copyCodes': 'Kopyahin lahat ng code',
  'twoStep.saved': 'Naitago ko na',

  'people.title': 'Mga tao',
  'people.add': 'Magdagdag ng isang tao',
  'people.addMany': 'Magdagdag ng maraming tao',
  'people.search': 'Maghanap ayon sa pangalan, numero, email o employee ID',
  'people.filterState': 'Status',
  'people.filterKind': 'Login',
  'people.all': 'Lahat',
  'people.name': 'Pangalan',
  'people.login': 'Login',
  'people.status': 'Status',
  'people.job': 'Posisyon',
  'people.select': 'Piliin si {name}',
  'people.selectAll': 'Piliin lahat sa page na ito',
  'people.selected': '{count, plural, one {# ang napili} other {# ang napili}}',
  'people.remind': 'Paalalahanan',
  'people.unclaim': 'Ibalik sa unclaimed',
  'people.deactivate': 'I-deactivate',
  'people.exportCsv': 'I-export bilang CSV',
  'people.exportXlsx': 'I-export bilang Excel',
  'people.bulkDone': 'Tapos: {done}. Hindi natapos: {failed}.',
  'people.empty': 'Walang tumugma. Magdagdag ng mga tao, o baguhin ang hinahanap.',
  'people.count': '{count, plural, one {# tao} other {# tao}}',
  'people.confirmUnclaim':
    '{count, plural, one {Ibalik sa unclaimed ang # account? Hindi na gagana ang password nito at makakatanggap ang tao ng bagong imbitasyon sa text.} other {Ibalik sa unclaimed ang # account? Hindi na gagana ang mga password nila at makakatanggap ang bawat isa ng bagong imbitasyon sa text.}}',
  'people.confirmDeactivate':
    '{count, plural, one {I-deactivate ang # account? Mala-log out agad ang tao at hindi na makakapag-sign in.} other {I-deactivate ang # account? Mala-log out agad sila at hindi na makakapag-sign in.}}',

  'add.title': 'Magdagdag ng isang tao',
  'add.accessMethod': 'Paraan ng pag-access',
  'add.byPhone': 'Mobile number',
  'add.byEmail': 'Email',
  'add.country': 'Bansa',
  'add.phone': 'Mobile number',
  'add.phoneHint': 'May country code at + man o wala.',
  'add.email': 'Email address',
  'add.givenName': 'Pangalan',
  'add.familyName': 'Apelyido',
  'add.displayName': 'Display name',
  'add.jobTitle': 'Posisyon',
  'add.department': 'Department',
  'add.division': 'Division',
  'add.organization': 'Organisasyon',
  'add.costCenter': 'Cost center',
  'add.location': 'Lokasyon',
  'add.externalId': 'Employee ID',
  'add.startDate': 'Petsa ng pagsisimula',
  'add.frontline': 'Frontline worker',
  'add.locale': 'Wika',
  'add.localeHint': 'Sa wikang ito darating ang mga text at page niya.',
  'add.localeDefault': 'Default ng community',
  'add.manager': 'Manager',
  'add.managerHint': 'Maghanap ayon sa pangalan',
  'add.sendSms': 'Ipadala ang mga imbitasyon sa text',
  'add.sendEmail': 'Ipadala ang imbitasyon sa email',
  'add.emailHint': 'Makakatanggap siya ng email na may link para pumili ng password.',
  'add.save': 'Idagdag ang tao',
  'add.phoneDisabled':
    'Naka-off ang paggawa ng profile gamit ang mobile number. Maaari itong i-on ng isang system admin sa Settings.',
  'add.created': 'Naidagdag na si {name}.',
  'add.createdSms': 'Naidagdag na si {name} at papunta na ang text na imbitasyon.',
  'add.createdEmail': 'Naidagdag na si {name} at papunta na ang imbitasyon sa email.',

  'import.title': 'Magdagdag ng maraming tao',
  'import.intro':
    'Mag-upload ng CSV o Excel file, o mag-paste ng listahan, na nasa unang row ang mga pangalan ng column. Gumagana ang mga file ng Workplace kahit hindi baguhin: ang template nito, ang file nito para sa mga walang email (Employee Id) at ang account export nito. Ina-update ang mga nasa Muster na, at hindi sila nadodoble.',
  'import.paste': 'I-paste dito ang mga row',
  'import.file': 'O pumili ng file',
  'import.check': 'Suriin ang listahan',
  'import.checking': 'Sinusuri ang {done} sa {total}…',
  'import.preview': 'Preview',
  'import.previewSummary':
    'Wala pang nababago. Kapag itinuloy ang import: {created} ang madadagdag, {updated} ang maa-update at {unchanged} ang walang pagbabago; {failed} row ang may error at {waiting} ang maghihintay sa limit bukas.',
  'import.unknownColumns': 'Hindi ini-import ang mga column na ito dahil hindi kilala ng Muster: {columns}.',
  'import.rowsWithProblems': 'Mga row na may error',
  'import.row': 'Row',
  'import.cells': 'Simula ng row',
  'import.reason': 'Dahilan',
  'import.sendNow': 'Ipadala na ngayon ang mga imbitasyon',
  'import.sendLater': 'Idagdag ngayon, ipadala ang mga imbitasyon mamaya',
  'import.send': 'Ipadala ang mga imbitasyon sa text',
  'import.addOnly': 'Idagdag ang mga tao',
  'import.noRows': 'Walang row na maidadagdag. Mag-paste ng listahan o pumili ng file.',
  'import.downloadErrors': 'I-download ang mga row na may error',
  'import.placeholder': 'phone,first name,last name\n+63 917 123 4567,Maria,Santos',

  'importJob.title': 'Import',
  'importJob.back': 'Lahat ng import',
  'importJob.state.queued': 'Naghihintay magsimula',
  'importJob.state.running': 'Nag-i-import',
  'importJob.state.waiting': 'Naghihintay sa araw-araw na limit',
  'importJob.state.done': 'Tapos na',
  'importJob.state.failed': 'Huminto',
  'importJob.state.cancelled': 'Kinansela',
  'importJob.progress': '{processed} sa {total} row',
  'importJob.counts':
    '{created} ang naidagdag, {updated} ang na-update, {unchanged} ang walang pagbabago, {failed} ang may error.',
  'importJob.waitingUntil':
    'Naabot na ang limit ngayong araw para sa mga bagong mobile-number account. {waiting} row ang naghihintay, at kusang magpapatuloy ang import sa {time}.',
  'importJob.closeTab': 'Puwede mo nang isara ang page na ito: tuloy pa rin ang import sa server.',
  'importJob.cancel': 'Kanselahin ang import',
  'importJob.confirmCancel': 'Kanselahin ang import na ito? Mananatili ang mga row na na-import na.',
  'importJob.error': 'Huminto ang import: {error}',

  'imports.title': 'Mga import',
  'imports.empty': 'Wala pang import.',
  'imports.started': 'Sinimulan',
  'imports.file': 'File',
  'imports.state': 'Status',
  'imports.result': 'Resulta',
  'imports.errors': 'Mga row na may error',
  'imports.unnamed': 'Listahang na-paste',

  'person.edit': 'I-edit ang profile',
  'person.phoneFixed':
    'Habambuhay na sa account ang mobile number nito, kaya hindi ito mapapalitan dito. Para gumamit ng bagong numero, idagdag ulit ang tao gamit ang numerong iyon.',
  'person.actions': 'Account',
  'person.resend': 'Ipadala ulit ang imbitasyon',
  'person.left':
    '{left} sa {limit, plural, one {# imbitasyon} other {# imbitasyon}} ang natitira ngayong araw',
  'person.remind': 'Paalalahanan',
  'person.unclaim': 'Ibalik sa unclaimed',
  'person.deactivate': 'I-deactivate',
  'person.reactivate': 'I-activate ulit',
  'person.delete': 'Burahin',
  'person.confirmDelete': 'Burahin si {name}? Hindi na ito maibabalik.',
  'person.confirmUnclaim':
    'Ibalik sa unclaimed ang account ni {name}? Hindi na gagana ang password niya at makakatanggap siya ng bagong imbitasyon sa text.',
  'person.smsTitle': 'Mga text message',
  'person.sessionsTitle': 'Mga session',
  'person.noSessions': 'Hindi naka-sign in kahit saan.',
  'person.role': 'Role',
  'person.invited': 'Inimbitahan noong {when}',
  'person.claimed': 'Na-claim noong {when}',
  'person.done': 'Tapos na.',
  'person.liftLockout': 'Alisin ang lock',
  'person.lockoutLifted':
    'Naalis na ang anumang lock sa pag-sign in o recovery: puwede nang sumubok ulit si {name}.',

  'invitations.title': 'Mga nakabinbing imbitasyon',
  'invitations.intro':
    'Mga taong hindi pa nakaka-claim ng kanilang account. Hanggang 5 text na imbitasyon lang kada araw ang maaaring matanggap ng bawat isa.',
  'invitations.remindAll': 'Paalalahanan lahat',
  'invitations.remindAllDone':
    'Napaalalahanan: {reminded}. Nilaktawan dahil ubos na ang text na imbitasyon nila ngayong araw: {skipped}. Hindi napaalalahanan: {failed}.',
  'invitations.sentAt': 'Inimbitahan noong',

  'settings.title': 'Settings',
  'settings.phoneProfiles': 'Paggawa ng profile gamit ang mobile number',
  'settings.phoneProfilesHelp':
    'Pinapayagan ang mga admin na magdagdag ng tao gamit ang mobile number at imbitahan sila sa text. Epektibo agad.',
  'settings.accessCodes': 'Paggawa ng profile gamit ang access code',
  'settings.accessCodesHelp':
    'Pinapayagan ang mga admin na magdagdag ng taong walang email o phone, na sasali gamit ang naka-print na code.',
  'settings.smsCountries': 'Mga bansang pinapayagan sa SMS',
  'settings.smsCountriesHelp':
    'Mga two-letter country code, pinaghihiwalay ng kuwit. Kapag walang laman, ang default na bansa lang.',
  'settings.claimLink': 'Tagal ng claim link (araw)',
  'settings.claimLinkHelp': 'Gaano katagal gagana ang invitation link bago kailanganin ng tao ang bago.',
  'settings.reminders': 'Awtomatikong paalala',
  'settings.remindersHelp': 'Tine-text ulit ang mga hindi pa nakaka-claim pagkatapos ng imbitasyon.',
  'settings.reminderDays': 'Mga araw ng paalala',
  'settings.reminderDaysHelp':
    'Mga araw pagkatapos ng imbitasyon, pinaghihiwalay ng kuwit (3 at 5 ang gamit ng Workplace).',
  'settings.passwordMin': 'Pinakamaikling haba ng password',
  'settings.passwordMinHelp':
    'Hindi bababa sa 8. Mas ligtas ang mas mahaba; wala nang ibang rule na kailangan.',
  'settings.idle': 'Mag-sign out kapag walang aktibidad (minuto)',
  'settings.idleHelp': 'Natatapos ang session ng miyembro na hindi nagamit nang ganito katagal.',
  'settings.absolute': 'Pinakamahabang session (oras)',
  'settings.absoluteHelp':
    'Natatapos ang bawat session ng miyembro pagkalipas nito, gaano man kadalas gamitin.',
  'settings.adminIdle': 'I-sign out ang mga admin kapag walang aktibidad (minuto)',
  'settings.adminIdleHelp':
    'Para sa mga system admin, account manager at analyst, na ang session ay umaabot sa account ng lahat.',
  'settings.adminAbsolute': 'Pinakamahabang admin session (oras)',
  'settings.adminAbsoluteHelp':
    'Natatapos ang bawat admin session pagkalipas nito, gaano man kadalas gamitin.',
  'settings.secondFactorManagers': 'Two-step sign-in para sa mga account manager',
  'settings.secondFactorManagersHelp':
    'Laging nagsa-sign in ang mga system admin gamit ang password at code mula sa authenticator app; dahil dito, hihingan din ng code ang mga account manager.',
  'settings.timeZone': 'Time zone ng community',
  'settings.timeZoneHelp':
    'Nare-reset ang mga araw-araw na limit pagsapit ng hatinggabi sa time zone na ito.',
  'settings.name': 'Pangalan ng community',
  'settings.nameHelp': 'Ipinapakita sa mga tao at binabanggit sa bawat text message.',
  'settings.country': 'Default na bansa',
  'settings.countryHelp': 'Ang mga numerong walang country code ay babasahin bilang numero ng bansang ito.',
  'settings.language': 'Default na wika',
  'settings.languageHelp':
    'Para sa mga walang wika sa profile: ito ang gamit sa mga text nila, at sa mga page din nila maliban kung pumili sila ng iba.',

  'sms.title': 'SMS log',
  'sms.status': 'Status',
  'sms.to': 'Para sa',
  'sms.text': 'Mensahe',
  'sms.when': 'Kailan',
  'sms.resend': 'Ipadala ulit',
  'sms.resent': 'Papunta na ang bagong text.',
  'sms.status.queued': 'Nakapila',
  'sms.status.sending': 'Ipinapadala',
  'sms.status.sent': 'Naipadala',
  'sms.status.delivered': 'Natanggap',
  'sms.status.failed': 'Pumalya',
  'sms.status.expired': 'Nag-expire',

  'audit.title': 'Audit log',
  'audit.type': 'Event',
  'audit.from': 'Mula',
  'audit.to': 'Hanggang',
  'audit.export': 'I-export bilang CSV',
  'audit.actor': 'Sino',
  'audit.target': 'Tungkol sa',
  'audit.when': 'Kailan',
  'audit.outcome': 'Resulta',
  'audit.filter': 'I-filter',
  'audit.typeExample': 'Logged in',

  'limits.title': 'Mga limit',
  'limits.phoneAccounts': 'Mga bagong mobile-number account ngayong araw',
  'limits.usage': 'Nagamit: {used} sa {limit}. Natitira: {left}.',
  'limits.resets': 'Mare-reset {when} (hatinggabi, {zone}).',
  'limits.raise': 'Paano ito itaas: {how}',
  'limits.claimSms':
    'Hanggang {count, plural, one {# text na imbitasyon} other {# text na imbitasyon}} lang kada araw ang maaaring ipadala sa bawat tao.',

  'lockouts.title': 'Mga naka-lock na account',
  'lockouts.intro':
    'Mga account na pansamantalang naka-lock dahil sa sobrang daming maling password o recovery code. Kusang natatapos ang lock; alisin ito nang mas maaga kapag sigurado ka nang siya nga ang may-ari.',
  'lockouts.empty': 'Walang naka-lock na account ngayon.',
  'lockouts.account': 'Account',
  'lockouts.kind': 'Naka-lock sa',
  'lockouts.kind.sign_in': 'Pag-sign in',
  'lockouts.kind.recovery': 'Pag-reset ng password',
  'lockouts.until': 'Hanggang',
  'lockouts.action': 'Aksyon',
  'lockouts.lift': 'Alisin ang lock',
  'lockouts.liftFor': 'Alisin ang lock ni {name}',
  'lockouts.lifted': 'Naalis na ang lock ni {name}.',
  'lockouts.noAccount': 'Walang account na may ganitong login',

  'integrations.title': 'Integrations',
  'integrations.intro':
    'Sa mga API token, puwedeng magdagdag, mag-update at mag-deactivate ng mga tao sa pamamagitan ng SCIM ang iyong identity provider (Microsoft Entra ID, Okta, JumpCloud, OneLogin), at magamit ng sarili mong mga script ang REST API. Magagawa ng token ang pinapayagan ng role ng gumawa nito sa oras na ginamit ito, sa community na ito lang, at titigil itong gumana kapag na-deactivate ang gumawa.',
  'integrations.scimBase': 'SCIM base URL para sa mga identity provider:',
  'integrations.createTitle': 'Gumawa ng token',
  'integrations.name': 'Pangalan',
  'integrations.nameHint': 'Para saan ito, gaya ng “Entra ID provisioning” o “Nightly HR sync”.',
  'integrations.scopes': 'Ano ang puwede nitong gamitin',
  'integrations.scope.scim': 'SCIM',
  'integrations.scope.rest': 'REST API',
  'integrations.scopeScimHint': 'Para sa identity provider: mga tao at grupo sa /scim/v2.',
  'integrations.scopeRestHint': 'Para sa mga script: ang API na gamit ng admin panel, sa /api/v1.',
  'integrations.expires': 'Mag-e-expire pagkalipas ng (araw)',
  'integrations.expiresHint': 'Opsyonal. Iwanang blangko para gumana ang token hangga’t hindi binabawi.',
  'integrations.create': 'Gumawa ng token',
  'integrations.nameRequired': 'Bigyan ng pangalan ang token para makilala mo ito mamaya.',
  'integrations.scopeRequired': 'Piliin ang SCIM, REST API, o pareho.',
  'integrations.daysInvalid': 'Gumamit ng buong bilang ng araw mula 1 hanggang 3650, o iwanang blangko.',
  'integrations.newTitle': 'Ang bago mong token: {name}',
  'integrations.storeNow': 'Itago na ngayon ang token na ito: hindi na ito ipapakita ulit.',
  'integrations.storeWhy':
    'I-paste ito kung saan ito gagamitin, o sa isang password manager. Fingerprint lang nito ang itinatago ng Muster: kapag nawala ito, bawiin at gumawa ng bago.',
  'integrations.token': 'API token',
  'integrations.copyToken': 'Kopyahin ang token',
  'integrations.scimUrl': 'SCIM base URL',
  'integrations.scimUrlHint':
    'Microsoft Entra ID: i-paste ito bilang Tenant URL, at ang token bilang Secret Token. Okta: i-paste ito bilang SCIM connector base URL, at ang token bilang bearer token ng HTTP header.',
  'integrations.copyUrl': 'Kopyahin ang URL',
  'integrations.restHint':
    'Ipinapadala ito ng mga script bilang header na “Authorization: Bearer <token>” sa {base}/api/v1.',
  'integrations.expiresOn': 'Titigil itong gumana sa {when}.',
  'integrations.noExpiry': 'Gagana ito hangga’t hindi binabawi.',
  'integrations.stored': 'Naitago ko na',
  'integrations.listTitle': 'Mga token',
  'integrations.empty': 'Wala pang token.',
  'integrations.colName': 'Pangalan',
  'integrations.colScopes': 'Para sa',
  'integrations.colToken': 'Token',
  'integrations.colCreated': 'Ginawa',
  'integrations.colLastUsed': 'Huling ginamit',
  'integrations.colExpires': 'Mag-e-expire',
  'integrations.colStatus': 'Status',
  'integrations.colAction': 'Aksyon',
  'integrations.madeBy': 'Ginawa ni {name}',
  'integrations.madeOnServer': 'Ginawa sa server (npx muster token create)',
  'integrations.neverUsed': 'Hindi pa',
  'integrations.fromIp': 'mula sa {ip}',
  'integrations.neverExpires': 'Walang expiry',
  'integrations.status.active': 'Aktibo',
  'integrations.status.expired': 'Nag-expire',
  'integrations.status.revoked': 'Binawi',
  'integrations.revokedAt': 'Binawi noong {when}',
  'integrations.revoke': 'Bawiin',
  'integrations.revokeFor': 'Bawiin ang {name}',
  'integrations.confirmRevoke':
    'Bawiin ang token na “{name}”? Tatanggihan na simula ngayon ang anumang gumagamit nito. Hindi na ito maibabalik.',
  'integrations.revoked':
    'Binawi na ang token na “{name}”: tatanggihan na simula ngayon ang anumang gumagamit nito.',

  'dev.title': 'Development SMS inbox',
  'dev.texts': 'Mga text',
  'dev.emails': 'Mga email',
  'dev.emptyEmail':
    'Wala pang email. Magdagdag ng tao gamit ang email address at lalabas dito ang imbitasyon niya.',
  'dev.intro':
    'Sa console SMS provider, dito ipinapakita ng Muster ang mga text na sana ay ipinadala nito. Nagbubukas ang mga link gaya ng sa phone.',
  'dev.empty':
    'Wala pang text. Magdagdag ng tao gamit ang mobile number at lalabas dito ang imbitasyon niya.',
  'dev.to': 'Para sa {to}',
  'dev.refresh': 'I-refresh',

  'nav.domains': 'Mga domain',
  'domains.title': 'Mga domain',
  'domains.intro':
    'I-verify ang mga domain na pag-aari ng iyong organisasyon, gaya ng nasa mga email address ninyo sa trabaho. Napapatunayan mong sa iyo ang isang domain kapag nag-publish ka ng TXT record sa DNS nito. Hinahanap ito ng Muster kapag pinili mo ang I-verify, at muli araw-araw.',
  'domains.planTitle': 'Plan: {plan}',
  'domains.planName.essentials': 'Essentials',
  'domains.planName.core': 'Core',
  'domains.plan.essentials':
    'Sa Core plan, tumataas ang araw-araw na limit ng mga bagong mobile-number account kapag may verified na domain. Ang operator ng Muster server na ito ang nagpapalit ng plan.',
  'domains.plan.core':
    'Mag-verify ng domain para tumaas ang araw-araw na limit ng mga bagong mobile-number account.',
  'domains.plan.coreVerified':
    'May verified na domain ang inyong community, kaya mas mataas ang araw-araw na limit nito ng mga bagong mobile-number account.',
  'domains.manage': 'Pamahalaan ang mga domain',
  'domains.seeLimits': 'Tingnan ang mga limit ngayong araw',
  'domains.addTitle': 'Magdagdag ng domain',
  'domains.name': 'Pangalan ng domain',
  'domains.nameHint':
    'Halimbawa: acme.com. Hindi puwedeng i-verify ang mga pampublikong email provider gaya ng gmail.com.',
  'domains.nameRequired': 'Ilagay ang pangalan ng domain, halimbawa: acme.com.',
  'domains.add': 'Idagdag ang domain',
  'domains.added': 'Naidagdag na ang {name}. I-publish ang TXT record nito, tapos piliin ang I-verify.',
  'domains.listTitle': 'Ang iyong mga domain',
  'domains.empty': 'Wala pang domain.',
  'domains.status.verified': 'Verified',
  'domains.status.unverified': 'Hindi pa verified',
  'domains.howTo':
    'Sa iyong DNS host, magdagdag ng TXT record sa mismong {name}: “@” ang host o name (o iwanang blangko), at ang value ay ang text sa ibaba. Tapos piliin ang I-verify. Karaniwang nakikita ang bagong record sa loob ng ilang minuto, pero puwedeng abutin ng ilang oras.',
  'domains.verifiedSince':
    'Verified mula {when}. Huwag tanggalin ang record: tinitingnan ito ng Muster araw-araw.',
  'domains.lastChecked': 'Huling tiningnan: {when}.',
  'domains.neverChecked': 'Hindi pa natitingnan.',
  'domains.recordFor': 'TXT record para sa {name}',
  'domains.copyRecord': 'Kopyahin ang record',
  'domains.verify': 'I-verify',
  'domains.verifyFor': 'I-verify ang {name}',
  'domains.verifiedNow': 'Verified na ang {name}.',
  'domains.remove': 'Alisin',
  'domains.removeFor': 'Alisin ang {name}',
  'domains.confirmRemove':
    'Alisin ang {name}? Kung verified ito, hindi na ito bibilangin simula ngayon, at sa Core plan puwedeng bumaba ulit ang araw-araw na limit ng mga bagong mobile-number account. Puwede mo itong idagdag ulit mamaya, na may bagong record.',
  'domains.removed': 'Naalis na ang {name}.',
  'accessCode.title': 'Sumali gamit ang access code',
  'accessCode.intro':
    'Binigyan ka ng iyong admin ng 16-letrang access code, nakasulat sa card o papel. I-type ito rito, tapos pumili ng username at password: ito na ang gagamitin mo sa pag-sign in mula ngayon.',
  'accessCode.code': 'Access code',
  'accessCode.codeHint': '16 na letra. Ayos lang ang mga space, gitling at maliliit na titik.',
  'accessCode.username': 'Username',
  'accessCode.usernameHint':
    'Pumili ng madali mong maaalala, gaya ng ana.silva: mga letra, numero, tuldok, gitling o underscore. Nire-reset mo ba ang password mo gamit ang bagong code? I-type ang username mo, o iwanang blangko ito.',
  'accessCode.password': 'Password',
  'accessCode.submit': 'Magpatuloy',
  'accessCode.claimed':
    'Nakapasok ka na. {username} ang username mo: ito at ang password mo ang gamitin sa pag-sign in mula ngayon.',
  'accessCode.recovered':
    'Napalitan na ang password mo, at na-sign out ka na sa lahat ng iba mong device. {username} ang username mo.',
  'accessCode.continue': 'Pumunta sa iyong account',
  'accessCode.haveAccount': 'May username at password ka na?',
  'accessCode.signIn': 'Mag-sign in',
  'accessCode.totpStep':
    'Gumagamit din ng authenticator app ang account na ito sa pag-sign in. Para matapos, ilagay ang 6-digit na code mula sa app, o isang backup code.',
  'login.accessCode': 'May access code ka mula sa iyong admin?',
  'login.useAccessCode': 'Gamitin ang access code mo',
  'person.usernameFixed':
    'Ang tao mismo ang pumili nito gamit ang kanyang access code. Hindi ito mapapalitan.',
  'person.usernameNotYet':
    'Wala pang napili: pipili ang tao ng username kapag ginamit niya ang kanyang access code.',
  'codes.title': 'Access code',
  'codes.intro':
    'Walang email o phone ang taong ito. Sasali siya, at makakabalik sa account kapag nakalimutan ang password, gamit ang 16-letrang access code na ibibigay mo.',
  'codes.state.none': 'Wala pang nagagawang access code.',
  'codes.state.active': 'May access code na puwedeng gamitin hanggang {when}.',
  'codes.state.used': 'Nagamit ang huling access code noong {when}.',
  'codes.state.revoked': 'Kinansela ang huling access code.',
  'codes.state.expired': 'Nag-expire ang huling access code noong {when}.',
  'codes.get': 'Kumuha ng access code',
  'codes.getNew': 'Kumuha ng bagong access code',
  'codes.confirmNew':
    'Gumawa ng bagong access code para kay {name}? Hindi na agad gagana ang code na hawak niya ngayon.',
  'codes.revoke': 'Kanselahin ang access code',
  'codes.revoked': 'Kinansela na ang access code: hindi na ito gumagana.',
  'codes.shownOnce':
    'Ibigay ang code na ito kay {name}. Isang beses lang ito ipapakita, isang beses lang gagana, at mag-e-expire sa {when}.',
  'codes.claimHint': 'Bubuksan niya ang {url}, ita-type ang code, at pipili ng username at password.',
  'codes.recoveryHint':
    'Bubuksan niya ang {url}, ita-type ang code, at pipili ng bagong password; masa-sign out siya sa lahat ng iba niyang device.',
  'codes.label': 'Access code ni {name}',
  'codes.copy': 'Kopyahin ang code',
  'codes.printCard': 'Mag-print ng card',
  'codes.off':
    'Naka-off ang mga access code. Maaaring i-on ng isang system admin ang Paggawa ng profile gamit ang access code sa Settings.',
  'codes.bulk': 'Kumuha ng mga access code',
  'codes.confirmBulk':
    '{count, plural, one {Gumawa ng bagong access code para sa # tao? Hindi na gagana ang code na hawak niya ngayon.} other {Gumawa ng bagong access code para sa # tao? Hindi na gagana ang mga code na hawak nila ngayon.}} Ang mga walang email o phone lang ang makakatanggap.',
  'sheet.title': 'Mga access code',
  'sheet.warning':
    'Isang beses lang ipapakita ang mga code na ito. I-print o i-download na ngayon ang CSV: pag-alis mo sa page na ito, mawawala na sila at kailangan mong gumawa ng bago.',
  'sheet.print': 'I-print',
  'sheet.csv': 'I-download ang CSV',
  'sheet.summary': '{done, plural, one {# code ang nagawa.} other {# code ang nagawa.}}',
  'sheet.failed': 'Walang natanggap na code ang mga taong ito:',
  'sheet.none':
    'Walang code na maipapakita. Isang beses lang ipinapakita ang mga code: para gumawa ng bago, pumili ng mga tao sa listahan ng Mga tao at piliin ang Kumuha ng mga access code.',
  'sheet.back': 'Bumalik sa Mga tao',
  'sheet.cardFor': 'Access code para sa {community}',
  'sheet.claim':
    'I-scan ang QR code, o buksan ang {url} at i-type ang code. Pagkatapos, pumili ng username at password.',
  'sheet.recovery':
    'I-scan ang QR code, o buksan ang {url} at i-type ang code. Pagkatapos, pumili ng bagong password.',
  'sheet.expires': 'Isang beses lang gagana, hanggang {when}.',
  'sheet.employeeId': 'Employee ID: {id}',
  'sheet.username': 'Username: {username}',
  'sheet.qrAlt': 'QR code na nagbubukas ng page kung saan ginagamit ang access code na ito',
  'add.byEmployeeId': 'Employee ID lang (access code)',
  'add.employeeIdHelp':
    'Para sa taong walang email o phone. Pagkatapos siyang idagdag, gawin ang kanyang access code sa page niya, o para sa maraming tao nang sabay mula sa listahan ng Mga tao, at ibigay ito sa kanya: dito siya pipili ng username at password. Ang employee ID ang magpapakilala sa kanya sa naka-print na sheet.',
  'add.accessCodesDisabled':
    'Para makapagdagdag ng tao gamit lang ang employee ID, kailangang naka-on ang Paggawa ng profile gamit ang access code, pero naka-off ito. Maaari itong i-on ng isang system admin sa Settings.',
  'add.createdAccessCode': 'Naidagdag na si {name}. Buksan ang page niya para gawin ang kanyang access code:',

  // Sign in with Muster (R60): the app sign-in and consent pages, and the Apps admin page.
  'nav.apps': 'Mga app',
  'oidcLogin.title': 'Mag-sign in sa {app}',
  'oidcLogin.intro':
    'Ginagamit ng {app} ang iyong {community} account sa Muster. Mag-sign in gaya ng sa Muster; hindi kailanman nakikita ng {app} ang iyong password.',
  'oidcLogin.otherCommunity':
    'Naka-sign in ka sa ibang community. Mag-sign in gamit ang iyong {community} account para magpatuloy.',
  'oidcLogin.submit': 'Mag-sign in at magpatuloy',
  'oidcLogin.cancel': 'Kanselahin at bumalik sa {app}',
  'oidcLogin.expiredTitle': 'Nag-expire na ang sign-in na ito',
  'oidcLogin.expired':
    'Nag-expire na o tapos na ang kahilingang ito na mag-sign in. Bumalik sa app at mag-sign in ulit.',
  'oidcLogin.secondFactorFirst':
    'Account ng administrator ang sa iyo, kaya kailangan muna ng two-step sign-in bago mag-sign in sa {app}. I-set up ito sa Muster, saka bumalik sa {app} at mag-sign in ulit.',
  'oidcLogin.setUpSecondFactor': 'I-set up ang two-step sign-in',
  'oidcConsent.title': 'Payagan ang {app}?',
  'oidcConsent.signedInAs': 'Naka-sign in ka bilang {name} ({community}).',
  'oidcConsent.asks': 'Gustong gawin ng {app} ang mga ito:',
  'oidcConsent.scopeSignIn': 'I-sign in ka gamit ang iyong Muster account',
  'oidcConsent.scopeProfile': 'Makita ang iyong pangalan, wika at time zone',
  'oidcConsent.scopeEmail': 'Makita ang iyong email address',
  'oidcConsent.scopePhone': 'Makita ang iyong mobile number',
  'oidcConsent.scopeMuster': 'Makita ang iyong role, departamento at employee ID',
  'oidcConsent.scopeOffline': 'Manatili kang naka-sign in kahit hindi mo ito ginagamit',
  'oidcConsent.notPassword':
    'Hindi nito kailanman nakikita ang iyong password. Isang beses ka lang tatanungin sa bawat bagong hinihingi nito.',
  'oidcConsent.allow': 'Payagan',
  'oidcConsent.deny': 'Huwag payagan',
  'apps.title': 'Mga app',
  'apps.intro':
    'Ang iba pang app ng kumpanya (intranet, iskedyul, payroll, training) ay puwedeng mag-sign in ng mga tao gamit ang kanilang Muster account. Irehistro dito ang bawat app; kailangan ng admin nito ang discovery address, ang client ID at, sa karamihan, ang client secret.',
  'apps.discovery': 'Discovery address (OpenID Connect):',
  'apps.createTitle': 'Magrehistro ng app',
  'apps.editTitle': 'Baguhin ang {name}',
  'apps.listTitle': 'Mga nakarehistrong app',
  'apps.empty': 'Wala pang app. Irehistro ang una sa itaas.',
  'apps.name': 'Pangalan',
  'apps.nameHint': 'Ang nakikita ng mga tao kapag nagsa-sign in, gaya ng “Intranet”.',
  'apps.nameRequired': 'Bigyan ng pangalan ang app.',
  'apps.redirectUris': 'Mga redirect URI',
  'apps.redirectUrisHint':
    'Isa bawat linya: kung saan tinatanggap ng app ang mga tao pagkatapos mag-sign in. https, o http lang sa 127.0.0.1 para sa mga app sa computer.',
  'apps.redirectRequired': 'Maglagay ng kahit isang redirect URI: nakasaad ito sa dokumentasyon ng app.',
  'apps.logoutUris': 'Mga URI pagkatapos mag-sign out',
  'apps.logoutUrisHint':
    'Opsyonal, isa bawat linya: kung saan puwedeng ipadala ng app ang mga tao pagkatapos nilang mag-sign out.',
  'apps.backchannel': 'Back-channel logout URI',
  'apps.backchannelHint':
    'Opsyonal: kung saan sinasabihan ng Muster ang app na may nag-sign out, na-deactivate o na-reset. Puwedeng nasa network ng kumpanya.',
  'apps.kind': 'Uri ng app',
  'apps.kindHint':
    'Hindi makapagtatago ng secret ang mobile o single-page app: piliin ang public. Ang server-side app ay binibigyan ng secret.',
  'apps.confidential': 'Confidential (may secret)',
  'apps.public': 'Public (mobile o single-page)',
  'apps.withKeys': 'Confidential (pumipirma gamit ang sariling key)',
  'apps.firstParty': 'Sariling app ng kumpanya',
  'apps.firstPartyHint':
    'App na pinapatakbo ng kumpanya: hindi na tinatanong ang mga tao kung papayagan ito.',
  'apps.firstPartyBadge': 'sarili',
  'apps.register': 'Irehistro ang app',
  'apps.saved': 'Na-save ang {name}.',
  'apps.shownTitle': '{name}: kopyahin ito ngayon',
  'apps.clientId': 'Client ID',
  'apps.clientSecret': 'Client secret',
  'apps.secretOnce':
    'Ngayon lang ipapakita ang client secret. Kopyahin ito sa app ngayon; kung mawala, gumawa ng bago.',
  'apps.noSecret':
    'Walang secret ang app na ito: pinapatunayan nito ang sarili gamit ang PKCE o ang sarili nitong mga key.',
  'apps.done': 'Tapos na',
  'apps.secretRotated': 'Ginawa ang secret',
  'apps.edit': 'Baguhin',
  'apps.editFor': 'Baguhin ang {name}',
  'apps.rotate': 'Bagong secret',
  'apps.rotateFor': 'Gumawa ng bagong secret para sa {name}',
  'apps.confirmRotate':
    'Gumawa ng bagong secret para sa {name}? Agad na hihinto ang lumang secret, kaya walang mai-sign in ang app hanggang makuha nito ang bago.',
  'apps.remove': 'Alisin',
  'apps.removeFor': 'Alisin ang {name}',
  'apps.confirmRemove':
    'Alisin ang {name}? Wala nang makakapag-sign in dito gamit ang Muster, at agad na hihinto ang mga token nito.',
  'apps.removed': 'Naalis na ang {name}.',
} satisfies Record<keyof typeof en, string>;
