import type { en } from './en';

/**
 * Spanish, for workers and admins across Latin America, the United States and Spain: "tú", as
 * workplace apps speak to staff; neutral vocabulary ("celular", "iniciar sesión").
 */
export const es = {
  'app.name': 'Muster',
  'app.skip': 'Ir al contenido',
  'app.loading': 'Cargando…',
  'app.menu': 'Menú',
  'app.signOut': 'Cerrar sesión',
  'app.notFound': 'Esta página no existe.',
  'app.goHome': 'Ir a la página de inicio',
  'app.retry': 'Intentar de nuevo',
  'app.save': 'Guardar',
  'app.saving': 'Guardando…',
  'app.saved': 'Cambios guardados.',
  'app.cancel': 'Cancelar',
  'app.back': 'Volver',
  'app.continue': 'Continuar',
  'app.next': 'Siguiente',
  'app.previous': 'Anterior',
  'app.more': 'Ver más',
  'app.none': 'Todavía no hay nada aquí.',
  'app.required': 'obligatorio',
  'app.copy': 'Copiar',
  'app.copied': 'Copiado',
  'app.copyManual': 'Ya está seleccionado: presiona Ctrl+C (⌘C en Mac) para copiarlo.',
  'app.close': 'Cerrar',
  'app.pages': 'Páginas',
  'app.language': 'Idioma',
  'app.offline': 'No podemos conectar con Muster. Revisa tu conexión e inténtalo de nuevo.',
  'app.failed': 'Algo salió mal ({status}). Inténtalo de nuevo.',

  'error.invalid_credentials':
    'Ese correo, número o nombre de usuario y esa contraseña no coinciden con ninguna cuenta activa. Revisa ambos o usa “¿Olvidaste tu contraseña?”.',
  'error.community_required':
    'Varias comunidades usan este servidor: escribe el nombre corto de la tuya, tal como te lo dio tu empresa.',
  'error.community_not_found':
    'No hay ninguna comunidad con ese nombre corto. Revisa el nombre corto que te dieron.',
  'error.unauthenticated': 'No iniciaste sesión o tu sesión terminó. Vuelve a iniciar sesión.',
  'error.csrf_token_invalid': 'Esta página está desactualizada. Vuelve a cargarla e inténtalo de nuevo.',
  'error.internal_error':
    'Algo salió mal de nuestro lado. Inténtalo de nuevo; si sigue pasando, avísale a tu administrador.',
  'error.claim_link_not_found':
    'Este enlace de invitación no es válido. Revisa que hayas abierto el enlace completo de tu SMS o correo. Pídele a tu administrador que te envíe una nueva invitación.',
  'error.claim_link_expired':
    'Este enlace de invitación venció. Pídele a tu administrador que te envíe una nueva invitación.',
  'error.claim_link_used':
    'Este enlace de invitación ya se usó. Si ya creaste una contraseña, inicia sesión con ella; si no, pídele a tu administrador que te envíe una nueva invitación.',
  'error.claim_link_superseded':
    'Este enlace de invitación fue reemplazado por uno más reciente. Usa el enlace de tu último SMS o correo, o pídele a tu administrador que te envíe una nueva invitación.',
  'error.reset_link_not_found':
    'Este enlace para restablecer la contraseña no es válido. Revisa que hayas abierto el enlace completo del correo. Pide un enlace nuevo en la página de inicio de sesión (“¿Olvidaste tu contraseña?”).',
  'error.reset_link_expired':
    'Este enlace para restablecer la contraseña venció. Pide un enlace nuevo en la página de inicio de sesión (“¿Olvidaste tu contraseña?”).',
  'error.reset_link_used':
    'Este enlace para restablecer la contraseña ya se usó. Si no fuiste tú, pide un enlace nuevo en la página de inicio de sesión (“¿Olvidaste tu contraseña?”).',
  'error.recovery_failed':
    'Ese número de celular y ese código de recuperación no coinciden. Revisa ambos e inténtalo de nuevo; si perdiste tu código, pídele a tu administrador que restablezca tu cuenta.',
  'error.recovery_not_allowed':
    'Esta es una cuenta de administrador y no se puede restablecer solo con un código de recuperación, un enlace por correo o un código de acceso. Pídele a otro administrador del sistema que la restablezca a no reclamada.',
  'error.second_factor_required':
    'Esta es una cuenta de administrador: escribe también el código de 6 dígitos de tu app de autenticación (o un código de respaldo).',
  'error.totp_required':
    'Escribe también el código de 6 dígitos de tu app de autenticación (o uno de tus códigos de respaldo).',
  'error.totp_invalid':
    'Ese código no es correcto o ya se usó. Escribe el código que muestra tu app ahora o un código de respaldo.',
  'error.password_incorrect': 'Tu contraseña no es correcta. Escríbela de nuevo.',
  'error.rate_limited.seconds':
    'Demasiados intentos. Espera {count, plural, one {# segundo} many {# de segundos} other {# segundos}} e inténtalo de nuevo, o pídele ayuda a tu administrador.',
  'error.rate_limited.minutes':
    'Demasiados intentos. Espera {count, plural, one {# minuto} many {# de minutos} other {# minutos}} e inténtalo de nuevo, o pídele ayuda a tu administrador.',
  'error.rate_limited.hours':
    'Demasiados intentos. Espera {count, plural, one {# hora} many {# de horas} other {# horas}} e inténtalo de nuevo, o pídele ayuda a tu administrador.',
  'error.rate_limited.recoveryCodes':
    'Hoy ya creaste {count, plural, one {# código de recuperación} many {# de códigos de recuperación} other {# códigos de recuperación}}, el máximo permitido. Guarda el más reciente; mañana podrás crear otro.',
  'error.password_too_short':
    'Elige una contraseña de al menos {min} caracteres. Unas cuantas palabras que puedas recordar funcionan muy bien.',
  'error.password_too_long': 'Elige una contraseña de {max} caracteres como máximo.',
  'error.password_too_common':
    'Esa contraseña es de las más comunes, así que es la primera que prueba un atacante. Elige otra: unas cuantas palabras sin relación entre sí funcionan muy bien.',
  'error.password_too_personal':
    'Esa contraseña está hecha con tu nombre, tu número o tu empresa, y otras personas pueden adivinarla. Elige otra.',
  'error.phone_invalid':
    'Ese no es un número de celular válido. Revisa los dígitos e incluye el código de país, por ejemplo +44 7911 123456.',
  'error.phone_not_mobile':
    'Ese número no es de celular, así que no puede recibir SMS. Escribe un número de celular.',
  'error.access_code_profiles_disabled':
    'Los códigos de acceso están desactivados en esta comunidad. Un administrador del sistema puede activarlos en Configuración.',
  'error.access_code_invalid':
    'Este código de acceso no es válido. Revisa que hayas escrito las 16 letras tal como están impresas; los espacios y guiones no importan. Si sigue sin funcionar, pídele a tu administrador un código de acceso nuevo.',
  'error.access_code_expired':
    'Este código de acceso venció el {date}. Pídele a tu administrador un código de acceso nuevo.',
  'error.access_code_used':
    'Este código de acceso ya se usó. Si con él elegiste un nombre de usuario y una contraseña, inicia sesión con ellos. Si no, pídele a tu administrador un código de acceso nuevo.',
  'error.access_code_revoked':
    'Tu administrador canceló este código de acceso. Pídele un código de acceso nuevo.',
  'error.username_required':
    'Elige un nombre de usuario: lo usarás para iniciar sesión. Usa letras, números, puntos, guiones o guiones bajos.',
  'error.username_invalid':
    'Ese nombre de usuario parece un número de celular, así que no se puede usar. Agrega una o dos letras.',
  'error.username_mismatch':
    'Este código de acceso es de la cuenta con el nombre de usuario “{username}”. Escribe ese nombre de usuario o deja el campo vacío.',
  'error.user_name_taken':
    'Alguien de esta comunidad ya usa ese nombre de usuario. Elige otro; tu código de acceso sigue funcionando.',
  'error.field.tooShort': 'Al menos {min} caracteres',
  'error.field.tooLong': 'Como máximo {max} caracteres',
  'error.field.tooCommon': 'Demasiado común',
  'error.field.personal': 'Hecha con tus propios datos',
  'error.field.mismatch': 'No coincide',
  'error.field.required': 'Obligatorio',
  'error.field.accessCode': 'No es un código de acceso válido',
  'error.field.readsAsPhone': 'Parece un número de celular',
  'error.field.usernameIs': 'El nombre de usuario de esta cuenta es {username}',
  'error.field.taken': 'Ya está en uso',

  'nav.people': 'Personas',
  'nav.invitations': 'Invitaciones pendientes',
  'nav.lockouts': 'Cuentas bloqueadas',
  'nav.settings': 'Configuración',
  'nav.integrations': 'Integraciones',
  'nav.sms': 'Registro de SMS',
  'nav.audit': 'Registro de auditoría',
  'nav.limits': 'Límites',
  'nav.security': 'Seguridad e inicio de sesión',
  'nav.devInbox': 'Bandeja de SMS de desarrollo',

  'state.not_invited': 'Sin invitar',
  'state.invited': 'Invitado',
  'state.active': 'Activo',
  'state.deactivated': 'Desactivado',
  'role.system_admin': 'Administrador del sistema',
  'role.account_manager': 'Gestor de cuentas',
  'role.analyst': 'Analista',
  'role.member': 'Miembro',
  'kind.email': 'Correo electrónico',
  'kind.phone': 'Número de celular',
  'kind.username': 'Nombre de usuario',

  'setup.title': 'Configurar Muster',
  'setup.intro':
    'Crea tu comunidad y su primer administrador del sistema. Este enlace solo funciona una vez.',
  'setup.community': 'Tu comunidad',
  'setup.name': 'Nombre de la empresa o comunidad',
  'setup.slug': 'Nombre corto',
  'setup.slugHint':
    'Letras minúsculas, números y guiones, por ejemplo acme-foods. Las personas pueden escribirlo al iniciar sesión.',
  'setup.timeZone': 'Zona horaria',
  'setup.timeZoneHint': 'Los límites diarios se reinician a la medianoche de esta zona.',
  'setup.country': 'País de la mayoría de los números de celular',
  'setup.you': 'Tú, el primer administrador del sistema',
  'setup.yourName': 'Tu nombre',
  'setup.email': 'Tu correo electrónico',
  'setup.password': 'Elige una contraseña',
  'setup.submit': 'Crear comunidad',
  'setup.done': 'Tu comunidad está lista. Inicia sesión con tu correo electrónico y tu contraseña.',
  'setup.noToken':
    'Esta página necesita el enlace de configuración que el servidor mostró al arrancar. Abre ese enlace o ejecuta npx muster setup.',
  'setup.alreadyDone': 'Muster ya está configurado.',

  'login.title': 'Iniciar sesión',
  'login.identifier': 'Correo electrónico o número de celular',
  'login.identifierHint':
    'El número funciona con o sin el código de país. ¿Entraste con un código de acceso? Escribe tu nombre de usuario.',
  'login.password': 'Contraseña',
  'login.community': 'Nombre corto de la comunidad',
  'login.communityHint': 'Solo si tu empresa te dio uno.',
  'login.submit': 'Iniciar sesión',
  'login.forgot': '¿Olvidaste tu contraseña?',
  'login.codeStep': 'Escribe el código de 6 dígitos de tu app de autenticación o un código de respaldo.',
  'login.otherAccount': 'Usar otra cuenta',

  'code.label': 'Código de autenticación',
  'code.hint': '6 dígitos de la app, o un código de respaldo como ABCDE-FGHJK.',

  'password.rules':
    'Al menos {min} caracteres. Unas cuantas palabras que puedas recordar funcionan muy bien.',
  'password.count': '{count} de al menos {min} caracteres',
  'password.ok': 'Tiene el largo suficiente',
  'password.show': 'Mostrar contraseña',

  'claim.title': 'Te damos la bienvenida a {community}',
  'claim.intro':
    'Elige una contraseña para tu cuenta de Muster. Vas a iniciar sesión con tu número de celular {phone} y esta contraseña.',
  'claim.introEmail':
    'Elige una contraseña para tu cuenta de Muster. Vas a iniciar sesión con tu correo electrónico {email} y esta contraseña.',
  'claim.doneEmail':
    'Ya tienes acceso. Si algún día olvidas tu contraseña, elige “¿Olvidaste tu contraseña?” y te enviaremos un enlace por correo.',
  'claim.password': 'Contraseña nueva',
  'claim.submit': 'Guardar contraseña y continuar',
  'claim.done':
    'Ya tienes acceso. Te estamos enviando por SMS un código de recuperación: guárdalo bien, porque te permite restablecer tu contraseña.',
  'claim.continue': 'Ir a tu cuenta',
  'claim.problemTitle': 'Este enlace no se puede usar',

  'forgot.title': 'Restablecer tu contraseña',
  'forgot.useEmail': 'Inicio sesión con un correo electrónico',
  'forgot.usePhone': 'Inicio sesión con un número de celular',
  'forgot.emailStep':
    'Escribe el correo electrónico con el que inicias sesión. Te enviaremos un enlace para elegir una contraseña nueva.',
  'forgot.email': 'Correo electrónico',
  'forgot.sendLink': 'Enviarme un enlace',
  'forgot.emailSent':
    'Si {email} pertenece a una cuenta, ya va en camino un correo con un enlace para elegir una contraseña nueva. El enlace funciona durante una hora. Si no llega en unos minutos, revisa tu carpeta de spam.',
  'reset.title': 'Elige una contraseña nueva',
  'reset.intro': 'Elige una contraseña nueva para {name} en {community}.',
  'reset.password': 'Contraseña nueva',
  'reset.logoutOthers': 'Cerrar sesión en mis otros dispositivos',
  'reset.logoutOthersHint': 'Hazlo si crees que alguien más conoce tu contraseña anterior.',
  'reset.submit': 'Guardar contraseña e iniciar sesión',
  'reset.problemTitle': 'Este enlace no se puede usar',
  'reset.again': 'Pedir un enlace nuevo',
  'forgot.phoneStep': 'Escribe el número de celular con el que inicias sesión.',
  'forgot.phone': 'Número de celular',
  'forgot.reset': 'Restablecer contraseña',
  'forgot.codeStep':
    'Escribe el código de recuperación de 10 caracteres que te enviamos por SMS cuando te uniste, o el más reciente que hayas creado.',
  'forgot.code': 'Código de recuperación',
  'forgot.codeHint': 'Como ABCDE-FGHJK. En mayúsculas o minúsculas, con o sin guion.',
  'forgot.passwordStep': 'Elige una contraseña nueva.',
  'forgot.newPassword': 'Contraseña nueva',
  'forgot.devicesStep': '¿Quieres cerrar sesión en tus otros dispositivos?',
  'forgot.logoutOthers': 'Sí, cerrar sesión en los otros dispositivos',
  'forgot.keepOthers': 'No, mantener la sesión abierta en ellos',
  'forgot.community': 'Nombre corto de la comunidad',
  'forgot.communityHint':
    'Tu empresa usa varias comunidades en este servidor: escribe el nombre corto que te dieron.',
  'forgot.noCode':
    '¿No tienes el código? Pídele a tu administrador que restablezca tu cuenta y recibirás una nueva invitación por SMS.',
  'forgot.done': 'Cambiaste tu contraseña y ya iniciaste sesión.',
  'forgot.doneOthers':
    'Cambiaste tu contraseña, ya iniciaste sesión y {count, plural, one {se cerró la sesión en # dispositivo más} many {se cerró la sesión en # de dispositivos más} other {se cerró la sesión en # dispositivos más}}.',
  'forgot.newCodeHint':
    'Ya usaste tu código de recuperación. Crea uno nuevo ahora en Seguridad e inicio de sesión.',
  'forgot.totpStep':
    'Esta es una cuenta de administrador. Para terminar, escribe el código de 6 dígitos de tu app de autenticación o un código de respaldo.',
  'forgot.finish': 'Restablecer contraseña e iniciar sesión',

  'security.title': 'Seguridad e inicio de sesión',
  'security.recoveryTitle': 'Obtén tu código de recuperación',
  'security.recoveryIntro':
    'Con un código de recuperación puedes restablecer tu contraseña desde tu celular sin llamar a soporte. Si creas uno nuevo, el anterior deja de funcionar.',
  'security.recoveryPassword': 'Tu contraseña',
  'security.recoveryButton': 'Obtener mi código de recuperación',
  'security.recoveryShown': 'Tu nuevo código de recuperación:',
  'security.recoveryStore': 'Guárdalo en un lugar seguro. Solo se muestra ahora y sirve una sola vez.',
  'security.changeTitle': 'Cambiar contraseña',
  'security.current': 'Contraseña actual',
  'security.new': 'Contraseña nueva',
  'security.logoutOthers': 'Cerrar sesión en los otros dispositivos',
  'security.changeButton': 'Cambiar contraseña',
  'security.changed': 'Tu contraseña se cambió.',
  'security.sessionsTitle': 'Dónde tienes la sesión abierta',
  'security.thisDevice': 'Este dispositivo',
  'security.signedInAt': 'Inicio de sesión: {when}',
  'security.lastUsed': 'último uso: {when}',
  'security.signOutDevice': 'Cerrar esta sesión',
  'security.logoutOthersButton': 'Cerrar sesión en los otros dispositivos',
  'security.othersEnded':
    '{count, plural, one {Se cerró la sesión en # dispositivo más.} many {Se cerró la sesión en # de dispositivos más.} other {Se cerró la sesión en # dispositivos más.}}',
  'security.browser': 'Navegador',
  'security.twoStepTitle': 'Verificación en dos pasos',
  'security.twoStepOn': 'Activada: inicias sesión con tu contraseña y un código de tu app de autenticación.',
  'security.twoStepOff':
    'Desactivada. Agrega un código de una app de autenticación en tu celular al inicio de sesión, para que nadie pueda entrar a tu cuenta solo con una contraseña robada.',
  'security.twoStepRequired': 'Tu rol la exige: actívala antes de usar las páginas de administración.',
  'security.twoStepSetUp': 'Activar la verificación en dos pasos',
  'security.twoStepReplace': 'Pasarla a otro celular u otra app',

  'twoStep.title': 'Verificación en dos pasos',
  'twoStep.required':
    'Como administras cuentas de otras personas, inicias sesión con tu contraseña y un código de una app de autenticación en tu celular. Actívala ahora para continuar; toma dos minutos.',
  'twoStep.intro':
    'Inicia sesión con tu contraseña y un código de una app de autenticación en tu celular, como Google Authenticator, Microsoft Authenticator o 2FAS. Así, nadie puede entrar a tu cuenta solo con una contraseña robada.',
  'twoStep.replaceIntro':
    'La verificación en dos pasos está activada. Para pasarla a otro celular u otra app, vuelve a configurarla: la app anterior y los códigos de respaldo dejan de funcionar cuando confirmes la nueva.',
  'twoStep.password': 'Tu contraseña',
  'twoStep.currentCode': 'Un código de tu app de autenticación actual',
  'twoStep.start': 'Configurar la app de autenticación',
  'twoStep.scanTitle': 'Agrega Muster a tu app de autenticación',
  'twoStep.scan': 'En tu app de autenticación, agrega una cuenta y escanea este código QR.',
  'twoStep.qrAlt':
    'Código QR que agrega tu cuenta de Muster a una app de autenticación. Si no puedes escanearlo, escribe la clave que aparece abajo.',
  'twoStep.key': '¿No puedes escanearlo? Escribe esta clave en la app:',
  'twoStep.keyHint': 'Si la app te pregunta, elige “basada en el tiempo”. Los espacios no importan.',
  'twoStep.copyKey': 'Copiar clave',
  'twoStep.confirmTitle': 'Escribe el código que muestra la app',
  'twoStep.code': 'Código de la app',
  'twoStep.codeHint': '6 dígitos. Cada 30 segundos aparece uno nuevo.',
  'twoStep.confirm': 'Activar la verificación en dos pasos',
  'twoStep.startAgain': 'Empezar de nuevo',
  'twoStep.on': 'La verificación en dos pasos está activada.',
  'twoStep.backupTitle': 'Tus códigos de respaldo',
  'twoStep.backupIntro':
    'Si pierdes tu celular, inicia sesión con uno de estos códigos en lugar de un código de la app. Cada código sirve una sola vez.',
  'twoStep.backupStore': 'Imprímelos o guárdalos en un administrador de contraseñas. Solo se muestran ahora.',
  'twoStep.copyCodes': 'Copiar todos los códigos',
  'twoStep.saved': 'Ya los guardé',

  'people.title': 'Personas',
  'people.add': 'Agregar una persona',
  'people.addMany': 'Agregar varias personas',
  'people.search': 'Buscar por nombre, número, correo o ID de empleado',
  'people.filterState': 'Estado',
  'people.filterKind': 'Acceso',
  'people.all': 'Todos',
  'people.name': 'Nombre',
  'people.login': 'Acceso',
  'people.status': 'Estado',
  'people.job': 'Puesto',
  'people.select': 'Seleccionar a {name}',
  'people.selectAll': 'Seleccionar todos en esta página',
  'people.selected':
    '{count, plural, one {# seleccionada} many {# de seleccionadas} other {# seleccionadas}}',
  'people.remind': 'Recordar',
  'people.unclaim': 'Restablecer a no reclamada',
  'people.deactivate': 'Desactivar',
  'people.exportCsv': 'Exportar CSV',
  'people.exportXlsx': 'Exportar a Excel',
  'people.bulkDone': 'Hechas: {done}. Sin hacer: {failed}.',
  'people.empty': 'Nadie coincide. Agrega personas o cambia la búsqueda.',
  'people.count': '{count, plural, one {# persona} many {# de personas} other {# personas}}',
  'people.confirmUnclaim':
    '{count, plural, one {¿Restablecer # cuenta a no reclamada? Su contraseña deja de funcionar y la persona recibe una nueva invitación por SMS.} many {¿Restablecer # de cuentas a no reclamadas? Sus contraseñas dejan de funcionar y cada persona recibe una nueva invitación por SMS.} other {¿Restablecer # cuentas a no reclamadas? Sus contraseñas dejan de funcionar y cada persona recibe una nueva invitación por SMS.}}',
  'people.confirmDeactivate':
    '{count, plural, one {¿Desactivar # cuenta? La persona sale de su sesión de inmediato y ya no puede iniciar sesión.} many {¿Desactivar # de cuentas? Las personas salen de su sesión de inmediato y ya no pueden iniciar sesión.} other {¿Desactivar # cuentas? Las personas salen de su sesión de inmediato y ya no pueden iniciar sesión.}}',

  'add.title': 'Agregar una persona',
  'add.accessMethod': 'Forma de acceso',
  'add.byPhone': 'Número de celular',
  'add.byEmail': 'Correo electrónico',
  'add.country': 'País',
  'add.phone': 'Número de celular',
  'add.phoneHint': 'Con o sin el código de país y el signo +.',
  'add.email': 'Correo electrónico',
  'add.givenName': 'Nombre',
  'add.familyName': 'Apellidos',
  'add.displayName': 'Nombre visible',
  'add.jobTitle': 'Puesto',
  'add.department': 'Departamento',
  'add.division': 'División',
  'add.organization': 'Organización',
  'add.costCenter': 'Centro de costos',
  'add.location': 'Ubicación',
  'add.externalId': 'ID de empleado',
  'add.startDate': 'Fecha de ingreso',
  'add.frontline': 'Personal de primera línea',
  'add.locale': 'Idioma',
  'add.localeHint': 'Sus mensajes y páginas aparecen en este idioma.',
  'add.localeDefault': 'El predeterminado de la comunidad',
  'add.manager': 'Jefe directo',
  'add.managerHint': 'Busca por nombre',
  'add.sendSms': 'Enviar invitaciones por SMS',
  'add.sendEmail': 'Enviar invitación por correo',
  'add.emailHint': 'Recibirá un correo con un enlace para elegir su contraseña.',
  'add.save': 'Agregar persona',
  'add.phoneDisabled':
    'La creación de perfiles con número de celular está desactivada. Un administrador del sistema puede activarla en Configuración.',
  'add.created': 'Se agregó a {name}.',
  'add.createdSms': 'Se agregó a {name} y su invitación por SMS ya va en camino.',
  'add.createdEmail': 'Se agregó a {name} y su invitación por correo ya va en camino.',

  'import.title': 'Agregar varias personas',
  'import.intro':
    'Sube un archivo CSV o Excel, o pega una lista, con los nombres de las columnas en la primera fila. Los archivos de Workplace funcionan tal como están: su plantilla, su archivo para personas sin correo (Employee Id) y su exportación de cuentas. Las personas que ya están en Muster se actualizan; nunca se agregan dos veces.',
  'import.paste': 'Pega las filas aquí',
  'import.file': 'O elige un archivo',
  'import.check': 'Revisar la lista',
  'import.checking': 'Revisando {done} de {total}…',
  'import.preview': 'Vista previa',
  'import.previewSummary':
    'Todavía no se ha cambiado nada. La importación quedaría así: {created} por agregar, {updated} por actualizar y {unchanged} sin cambios. Filas con errores: {failed}. En espera del límite de mañana: {waiting}.',
  'import.unknownColumns': 'Estas columnas no se importan porque Muster no las reconoce: {columns}.',
  'import.rowsWithProblems': 'Filas con errores',
  'import.row': 'Fila',
  'import.cells': 'Inicio de la fila',
  'import.reason': 'Motivo',
  'import.sendNow': 'Enviar las invitaciones ahora',
  'import.sendLater': 'Agregar ahora y enviar las invitaciones más tarde',
  'import.send': 'Enviar invitaciones por SMS',
  'import.addOnly': 'Agregar personas',
  'import.noRows': 'No hay filas para agregar. Pega una lista o elige un archivo.',
  'import.downloadErrors': 'Descargar las filas con errores',
  'import.placeholder': 'phone,first name,last name\n+52 55 1234 5678,Ana,García',

  'importJob.title': 'Importación',
  'importJob.back': 'Todas las importaciones',
  'importJob.state.queued': 'Por comenzar',
  'importJob.state.running': 'Importando',
  'importJob.state.waiting': 'Esperando que se renueve el límite diario',
  'importJob.state.done': 'Terminada',
  'importJob.state.failed': 'Detenida',
  'importJob.state.cancelled': 'Cancelada',
  'importJob.progress': '{processed} de {total} filas',
  'importJob.counts':
    'Agregadas: {created}. Actualizadas: {updated}. Sin cambios: {unchanged}. Con errores: {failed}.',
  'importJob.waitingUntil':
    'Se alcanzó el límite de hoy de cuentas nuevas con número de celular. Filas en espera: {waiting}. La importación seguirá sola el {time}.',
  'importJob.closeTab': 'Puedes cerrar esta página: la importación sigue en el servidor.',
  'importJob.cancel': 'Cancelar la importación',
  'importJob.confirmCancel':
    '¿Cancelar esta importación? Las filas que ya se importaron se quedan como están.',
  'importJob.error': 'La importación se detuvo: {error}',

  'imports.title': 'Importaciones',
  'imports.empty': 'Todavía no hay importaciones.',
  'imports.started': 'Inicio',
  'imports.file': 'Archivo',
  'imports.state': 'Estado',
  'imports.result': 'Resultado',
  'imports.errors': 'Filas con errores',
  'imports.unnamed': 'Lista pegada',

  'person.edit': 'Editar perfil',
  'person.phoneFixed':
    'Una cuenta con número de celular conserva ese número para siempre, así que no se puede cambiar aquí. Para usar un número nuevo, agrega de nuevo a la persona con ese número.',
  'person.actions': 'Cuenta',
  'person.resend': 'Reenviar invitación',
  'person.left':
    'Quedan {left} de {limit, plural, one {# invitación} many {# de invitaciones} other {# invitaciones}} por hoy',
  'person.remind': 'Recordar',
  'person.unclaim': 'Restablecer a no reclamada',
  'person.deactivate': 'Desactivar',
  'person.reactivate': 'Reactivar',
  'person.delete': 'Eliminar',
  'person.confirmDelete': '¿Eliminar a {name}? Esta acción no se puede deshacer.',
  'person.confirmUnclaim':
    '¿Restablecer la cuenta de {name} a no reclamada? Su contraseña deja de funcionar y recibe una nueva invitación por SMS.',
  'person.smsTitle': 'Mensajes de texto',
  'person.sessionsTitle': 'Sesiones',
  'person.noSessions': 'No tiene ninguna sesión abierta.',
  'person.role': 'Rol',
  'person.invited': 'Invitación: {when}',
  'person.claimed': 'Cuenta reclamada: {when}',
  'person.done': 'Listo.',
  'person.liftLockout': 'Quitar el bloqueo',
  'person.lockoutLifted':
    'Se quitó el bloqueo de inicio de sesión o de recuperación: {name} ya puede intentarlo de nuevo.',

  'invitations.title': 'Invitaciones pendientes',
  'invitations.intro':
    'Personas que todavía no han reclamado su cuenta. Cada una puede recibir como máximo 5 SMS de invitación al día.',
  'invitations.remindAll': 'Recordar a todos',
  'invitations.remindAllDone':
    'Recordatorios enviados: {reminded}. Omitidos porque ya no les quedaban SMS de invitación hoy: {skipped}. No se pudo enviar: {failed}.',
  'invitations.sentAt': 'Invitación:',

  'settings.title': 'Configuración',
  'settings.phoneProfiles': 'Creación de perfiles con número de celular',
  'settings.phoneProfilesHelp':
    'Permite a los administradores agregar personas por su número de celular e invitarlas por SMS. Se aplica de inmediato.',
  'settings.accessCodes': 'Creación de perfiles con códigos de acceso',
  'settings.accessCodesHelp':
    'Permite a los administradores agregar personas sin correo ni teléfono, que se unen con un código impreso.',
  'settings.smsCountries': 'Países permitidos para SMS',
  'settings.smsCountriesHelp':
    'Códigos de país de dos letras, separados por comas. Si lo dejas vacío, solo se permite el país predeterminado.',
  'settings.claimLink': 'Vigencia del enlace de invitación (días)',
  'settings.claimLinkHelp':
    'Cuánto tiempo funciona un enlace de invitación antes de que la persona necesite uno nuevo.',
  'settings.reminders': 'Recordatorios automáticos',
  'settings.remindersHelp':
    'Vuelve a enviar un SMS a quienes no han reclamado su cuenta después de la invitación.',
  'settings.reminderDays': 'Días de recordatorio',
  'settings.reminderDaysHelp': 'Días después de la invitación, separados por comas (Workplace usaba 3 y 5).',
  'settings.passwordMin': 'Largo mínimo de la contraseña',
  'settings.passwordMinHelp': 'Al menos 8. Más largo es más seguro; no hacen falta otras reglas.',
  'settings.idle': 'Cerrar sesión tras inactividad (minutos)',
  'settings.idleHelp': 'La sesión de un miembro termina si no se usa durante este tiempo.',
  'settings.absolute': 'Duración máxima de la sesión (horas)',
  'settings.absoluteHelp':
    'La sesión de cualquier miembro termina pasado este tiempo, aunque se siga usando.',
  'settings.adminIdle': 'Cerrar la sesión de los administradores tras inactividad (minutos)',
  'settings.adminIdleHelp':
    'Para administradores del sistema, gestores de cuentas y analistas, cuyas sesiones llegan a las cuentas de todos.',
  'settings.adminAbsolute': 'Duración máxima de la sesión de administrador (horas)',
  'settings.adminAbsoluteHelp':
    'Cualquier sesión de administrador termina pasado este tiempo, aunque se siga usando.',
  'settings.secondFactorManagers': 'Verificación en dos pasos para gestores de cuentas',
  'settings.secondFactorManagersHelp':
    'Los administradores del sistema siempre inician sesión con contraseña y un código de una app de autenticación; esta opción también pide el código a los gestores de cuentas.',
  'settings.timeZone': 'Zona horaria de la comunidad',
  'settings.timeZoneHelp': 'Los límites diarios se reinician a la medianoche de esta zona horaria.',
  'settings.name': 'Nombre de la comunidad',
  'settings.nameHelp': 'Se muestra a las personas y aparece en cada SMS.',
  'settings.country': 'País predeterminado',
  'settings.countryHelp': 'Los números escritos sin código de país se leen como números de este país.',
  'settings.language': 'Idioma predeterminado',
  'settings.languageHelp':
    'Para quienes no tienen un idioma en su perfil: sus SMS lo usan, y también sus páginas, salvo que elijan otro.',

  'sms.title': 'Registro de SMS',
  'sms.status': 'Estado',
  'sms.to': 'Para',
  'sms.text': 'Texto',
  'sms.when': 'Cuándo',
  'sms.resend': 'Reenviar',
  'sms.resent': 'Un nuevo SMS va en camino.',
  'sms.status.queued': 'En cola',
  'sms.status.sending': 'Enviando',
  'sms.status.sent': 'Enviado',
  'sms.status.delivered': 'Entregado',
  'sms.status.failed': 'Falló',
  'sms.status.expired': 'Vencido',

  'audit.title': 'Registro de auditoría',
  'audit.type': 'Evento',
  'audit.from': 'Desde',
  'audit.to': 'Hasta',
  'audit.export': 'Exportar CSV',
  'audit.actor': 'Quién',
  'audit.target': 'Sobre',
  'audit.when': 'Cuándo',
  'audit.outcome': 'Resultado',
  'audit.filter': 'Filtrar',
  'audit.typeExample': 'Logged in',

  'limits.title': 'Límites',
  'limits.phoneAccounts': 'Cuentas nuevas con número de celular hoy',
  'limits.usage': 'Usadas: {used} de {limit}. Quedan: {left}.',
  'limits.resets': 'Se reinicia {when} (medianoche, {zone}).',
  'limits.raise': 'Cómo aumentarlo: {how}',
  'limits.claimSms':
    'Cada persona puede recibir como máximo {count, plural, one {# SMS de invitación} many {# de SMS de invitación} other {# SMS de invitación}} al día.',

  'lockouts.title': 'Cuentas bloqueadas',
  'lockouts.intro':
    'Cuentas bloqueadas por un tiempo tras demasiadas contraseñas o códigos de recuperación incorrectos. El bloqueo termina solo; quítalo antes cuando tengas la certeza de que la persona es quien dice ser.',
  'lockouts.empty': 'No hay ninguna cuenta bloqueada.',
  'lockouts.account': 'Cuenta',
  'lockouts.kind': 'Bloqueada para',
  'lockouts.kind.sign_in': 'Iniciar sesión',
  'lockouts.kind.recovery': 'Restablecer la contraseña',
  'lockouts.until': 'Hasta',
  'lockouts.action': 'Acción',
  'lockouts.lift': 'Quitar el bloqueo',
  'lockouts.liftFor': 'Quitar el bloqueo de {name}',
  'lockouts.lifted': 'Se quitó el bloqueo de {name}.',
  'lockouts.noAccount': 'Ninguna cuenta tiene este acceso',

  'integrations.title': 'Integraciones',
  'integrations.intro':
    'Los tokens de API permiten que tu proveedor de identidad (Microsoft Entra ID, Okta, JumpCloud, OneLogin) agregue, actualice y desactive personas mediante SCIM, y que tus propios scripts usen la API REST. Un token puede hacer lo que el rol de quien lo creó permita en el momento de usarse, solo en esta comunidad, y deja de funcionar si esa persona se desactiva.',
  'integrations.scimBase': 'URL base de SCIM para proveedores de identidad:',
  'integrations.createTitle': 'Crear un token',
  'integrations.name': 'Nombre',
  'integrations.nameHint':
    'Para qué es, por ejemplo “Aprovisionamiento de Entra ID” o “Sincronización nocturna de RR. HH.”.',
  'integrations.scopes': 'Qué puede usar',
  'integrations.scope.scim': 'SCIM',
  'integrations.scope.rest': 'API REST',
  'integrations.scopeScimHint': 'Para un proveedor de identidad: personas y grupos en /scim/v2.',
  'integrations.scopeRestHint': 'Para scripts: la API que usa el panel de administración, en /api/v1.',
  'integrations.expires': 'Vence después de (días)',
  'integrations.expiresHint': 'Opcional. Déjalo vacío para un token que funcione hasta que se revoque.',
  'integrations.create': 'Crear token',
  'integrations.nameRequired': 'Ponle un nombre al token para reconocerlo después.',
  'integrations.scopeRequired': 'Elige SCIM, API REST o ambos.',
  'integrations.daysInvalid': 'Usa un número entero de días entre 1 y 3650, o déjalo vacío.',
  'integrations.newTitle': 'Tu nuevo token: {name}',
  'integrations.storeNow': 'Guarda este token ahora: no se volverá a mostrar.',
  'integrations.storeWhy':
    'Pégalo donde se vaya a usar o en un administrador de contraseñas. Muster solo guarda una huella del token: si lo pierdes, revócalo y crea uno nuevo.',
  'integrations.token': 'Token de API',
  'integrations.copyToken': 'Copiar token',
  'integrations.scimUrl': 'URL base de SCIM',
  'integrations.scimUrlHint':
    'Microsoft Entra ID: pégala como URL del inquilino (Tenant URL) y el token como token secreto (Secret Token). Okta: pégala como URL base del conector SCIM y el token como token portador (bearer) del encabezado HTTP.',
  'integrations.copyUrl': 'Copiar URL',
  'integrations.restHint':
    'Los scripts lo envían en el encabezado “Authorization: Bearer <token>” a {base}/api/v1.',
  'integrations.expiresOn': 'Deja de funcionar el {when}.',
  'integrations.noExpiry': 'Funciona hasta que se revoque.',
  'integrations.stored': 'Ya lo guardé',
  'integrations.listTitle': 'Tokens',
  'integrations.empty': 'Todavía no hay tokens.',
  'integrations.colName': 'Nombre',
  'integrations.colScopes': 'Para',
  'integrations.colToken': 'Token',
  'integrations.colCreated': 'Creado',
  'integrations.colLastUsed': 'Último uso',
  'integrations.colExpires': 'Vence',
  'integrations.colStatus': 'Estado',
  'integrations.colAction': 'Acción',
  'integrations.madeBy': 'Creado por {name}',
  'integrations.madeOnServer': 'Creado en el servidor (npx muster token create)',
  'integrations.neverUsed': 'Nunca',
  'integrations.fromIp': 'desde {ip}',
  'integrations.neverExpires': 'Nunca',
  'integrations.status.active': 'Activo',
  'integrations.status.expired': 'Vencido',
  'integrations.status.revoked': 'Revocado',
  'integrations.revokedAt': 'Revocado el {when}',
  'integrations.revoke': 'Revocar',
  'integrations.revokeFor': 'Revocar {name}',
  'integrations.confirmRevoke':
    '¿Revocar el token “{name}”? Todo lo que lo use será rechazado a partir de ahora. Esta acción no se puede deshacer.',
  'integrations.revoked':
    'El token “{name}” está revocado: todo lo que lo use será rechazado a partir de ahora.',

  'dev.title': 'Bandeja de SMS de desarrollo',
  'dev.texts': 'SMS',
  'dev.emails': 'Correos',
  'dev.emptyEmail':
    'Todavía no hay correos. Agrega a una persona por su correo electrónico y aquí aparecerá su invitación.',
  'dev.intro':
    'Con el proveedor de SMS de consola, Muster muestra aquí los mensajes que habría enviado. Los enlaces se abren igual que en el celular.',
  'dev.empty':
    'Todavía no hay mensajes. Agrega a una persona por su número de celular y aquí aparecerá su invitación.',
  'dev.to': 'Para {to}',
  'dev.refresh': 'Actualizar',

  'nav.domains': 'Dominios',
  'domains.title': 'Dominios',
  'domains.intro':
    'Verifica los dominios que pertenecen a tu organización, como el de tus direcciones de correo de trabajo. Demuestras que un dominio es tuyo publicando un registro TXT en su DNS. Muster lo busca cuando eliges Verificar y, después, cada día.',
  'domains.planTitle': 'Plan: {plan}',
  'domains.planName.essentials': 'Essentials',
  'domains.planName.core': 'Core',
  'domains.plan.essentials':
    'En el plan Core, un dominio verificado aumenta el límite diario de cuentas nuevas con número de celular. Quien opera este servidor de Muster es quien cambia el plan.',
  'domains.plan.core':
    'Verifica un dominio para aumentar el límite diario de cuentas nuevas con número de celular.',
  'domains.plan.coreVerified':
    'Tu comunidad tiene un dominio verificado, así que su límite diario de cuentas nuevas con número de celular es mayor.',
  'domains.manage': 'Administrar dominios',
  'domains.seeLimits': 'Ver los límites de hoy',
  'domains.addTitle': 'Agregar un dominio',
  'domains.name': 'Nombre de dominio',
  'domains.nameHint':
    'Por ejemplo, acme.com. Los proveedores de correo públicos, como gmail.com, no se pueden verificar.',
  'domains.nameRequired': 'Escribe un nombre de dominio, por ejemplo, acme.com.',
  'domains.add': 'Agregar dominio',
  'domains.added': 'Se agregó {name}. Publica su registro TXT y luego elige Verificar.',
  'domains.listTitle': 'Tus dominios',
  'domains.empty': 'Todavía no hay dominios.',
  'domains.status.verified': 'Verificado',
  'domains.status.unverified': 'Sin verificar',
  'domains.howTo':
    'En tu proveedor de DNS, agrega un registro TXT en el propio {name}: el campo de host o nombre es “@” (o se deja vacío) y el valor es el texto de abajo. Luego elige Verificar. Un registro nuevo suele verse en unos minutos, pero puede tardar algunas horas.',
  'domains.verifiedSince':
    'Verificado desde {when}. Mantén el registro publicado: Muster lo revisa cada día.',
  'domains.lastChecked': 'Última revisión: {when}.',
  'domains.neverChecked': 'Todavía no se ha revisado.',
  'domains.recordFor': 'Registro TXT de {name}',
  'domains.copyRecord': 'Copiar registro',
  'domains.verify': 'Verificar',
  'domains.verifyFor': 'Verificar {name}',
  'domains.verifiedNow': '{name} está verificado.',
  'domains.remove': 'Quitar',
  'domains.removeFor': 'Quitar {name}',
  'domains.confirmRemove':
    '¿Quitar {name}? Si está verificado, deja de contar de inmediato y, en el plan Core, el límite diario de cuentas nuevas con número de celular puede volver a bajar. Puedes agregarlo de nuevo más tarde, con un registro nuevo.',
  'domains.removed': 'Se quitó {name}.',
  'accessCode.title': 'Entrar con un código de acceso',
  'accessCode.intro':
    'Tu administrador te dio un código de acceso de 16 letras, en una tarjeta o una hoja. Escríbelo aquí y luego elige un nombre de usuario y una contraseña: a partir de ahora iniciarás sesión con ellos.',
  'accessCode.code': 'Código de acceso',
  'accessCode.codeHint': '16 letras. Puedes usar espacios, guiones y minúsculas.',
  'accessCode.username': 'Nombre de usuario',
  'accessCode.usernameHint':
    'Elige uno que puedas recordar, como ana.silva: letras, números, puntos, guiones o guiones bajos. ¿Estás restableciendo tu contraseña con un código nuevo? Escribe tu nombre de usuario o deja esto vacío.',
  'accessCode.password': 'Contraseña',
  'accessCode.submit': 'Continuar',
  'accessCode.claimed':
    'Ya tienes acceso. Tu nombre de usuario es {username}: a partir de ahora inicia sesión con él y tu contraseña.',
  'accessCode.recovered':
    'Cambiaste tu contraseña y se cerró la sesión en todos tus otros dispositivos. Tu nombre de usuario es {username}.',
  'accessCode.continue': 'Ir a tu cuenta',
  'accessCode.haveAccount': '¿Ya tienes nombre de usuario y contraseña?',
  'accessCode.signIn': 'Iniciar sesión',
  'accessCode.totpStep':
    'Esta cuenta también inicia sesión con una app de autenticación. Para terminar, escribe el código de 6 dígitos de la app o un código de respaldo.',
  'login.accessCode': '¿Tu administrador te dio un código de acceso?',
  'login.useAccessCode': 'Usar tu código de acceso',
  'person.usernameFixed': 'Lo eligió la persona con su código de acceso. No se puede cambiar.',
  'person.usernameNotYet':
    'Todavía no lo eligió: la persona elige un nombre de usuario cuando usa su código de acceso.',
  'codes.title': 'Código de acceso',
  'codes.intro':
    'Esta persona no tiene correo ni teléfono. Se une, y vuelve a entrar si olvida su contraseña, con un código de acceso de 16 letras que tú le das.',
  'codes.state.none': 'Todavía no se ha creado ningún código de acceso.',
  'codes.state.active': 'Hay un código de acceso listo para usarse hasta el {when}.',
  'codes.state.used': 'El último código de acceso se usó el {when}.',
  'codes.state.revoked': 'El último código de acceso se canceló.',
  'codes.state.expired': 'El último código de acceso venció el {when}.',
  'codes.get': 'Obtener código de acceso',
  'codes.getNew': 'Obtener un código de acceso nuevo',
  'codes.confirmNew':
    '¿Crear un código de acceso nuevo para {name}? El código que tiene ahora deja de funcionar de inmediato.',
  'codes.revoke': 'Cancelar el código de acceso',
  'codes.revoked': 'El código de acceso está cancelado: ya no funciona.',
  'codes.shownOnce':
    'Dale este código a {name}. Solo se muestra una vez, sirve una sola vez y vence el {when}.',
  'codes.claimHint':
    'La persona abre {url}, escribe el código y elige un nombre de usuario y una contraseña.',
  'codes.recoveryHint':
    'La persona abre {url}, escribe el código y elige una contraseña nueva; se cierra su sesión en todos sus otros dispositivos.',
  'codes.label': 'Código de acceso de {name}',
  'codes.copy': 'Copiar código',
  'codes.printCard': 'Imprimir una tarjeta',
  'codes.off':
    'Los códigos de acceso están desactivados. Un administrador del sistema puede activar la creación de perfiles con códigos de acceso en Configuración.',
  'codes.bulk': 'Obtener códigos de acceso',
  'codes.confirmBulk':
    '{count, plural, one {¿Crear un código de acceso nuevo para # persona? El código que tenga ahora deja de funcionar.} many {¿Crear códigos de acceso nuevos para # de personas? Los códigos que tengan ahora dejan de funcionar.} other {¿Crear códigos de acceso nuevos para # personas? Los códigos que tengan ahora dejan de funcionar.}} Solo reciben uno las personas sin correo ni teléfono.',
  'sheet.title': 'Códigos de acceso',
  'sheet.warning':
    'Estos códigos solo se muestran una vez. Imprímelos o descarga el CSV ahora: cuando salgas de esta página desaparecerán y tendrías que crear otros nuevos.',
  'sheet.print': 'Imprimir',
  'sheet.csv': 'Descargar CSV',
  'sheet.summary':
    '{done, plural, one {Se creó # código.} many {Se crearon # de códigos.} other {Se crearon # códigos.}}',
  'sheet.failed': 'Estas personas no recibieron código:',
  'sheet.none':
    'No hay códigos para mostrar. Los códigos solo se muestran una vez: para crear otros, selecciona personas en la lista de Personas y elige Obtener códigos de acceso.',
  'sheet.back': 'Volver a Personas',
  'sheet.cardFor': 'Código de acceso para {community}',
  'sheet.claim':
    'Escanea el código QR, o abre {url} y escribe el código. Luego elige un nombre de usuario y una contraseña.',
  'sheet.recovery':
    'Escanea el código QR, o abre {url} y escribe el código. Luego elige una contraseña nueva.',
  'sheet.expires': 'Sirve una sola vez, hasta el {when}.',
  'sheet.employeeId': 'ID de empleado: {id}',
  'sheet.username': 'Nombre de usuario: {username}',
  'sheet.qrAlt': 'Código QR que abre la página donde se usa este código de acceso',
  'add.byEmployeeId': 'Solo ID de empleado (código de acceso)',
  'add.employeeIdHelp':
    'Para alguien sin correo ni teléfono. Después de agregarla, crea su código de acceso en su página, o para muchas personas a la vez desde la lista de Personas, y entrégaselo: con él elige un nombre de usuario y una contraseña. Su ID de empleado la distingue en la hoja impresa.',
  'add.accessCodesDisabled':
    'Para agregar personas solo con su ID de empleado se necesita la creación de perfiles con códigos de acceso, que está desactivada. Un administrador del sistema puede activarla en Configuración.',
  'add.createdAccessCode': 'Se agregó a {name}. Abre su página para crear su código de acceso:',

  // Sign in with Muster (R60): the app sign-in and consent pages, and the Apps admin page.
  'nav.apps': 'Aplicaciones',
  'oidcLogin.title': 'Iniciar sesión en {app}',
  'oidcLogin.intro':
    '{app} usa tu cuenta de {community} en Muster. Inicia sesión como lo haces en Muster; {app} nunca ve tu contraseña.',
  'oidcLogin.otherCommunity':
    'Has iniciado sesión en otra comunidad. Inicia sesión con tu cuenta de {community} para continuar.',
  'oidcLogin.submit': 'Iniciar sesión y continuar',
  'oidcLogin.cancel': 'Cancelar y volver a {app}',
  'oidcLogin.expiredTitle': 'Este inicio de sesión ha caducado',
  'oidcLogin.expired':
    'Esta solicitud de inicio de sesión ha caducado o ya se completó. Vuelve a la aplicación e inicia sesión de nuevo.',
  'oidcLogin.secondFactorFirst':
    'Tu cuenta es de administrador, así que para iniciar sesión en {app} primero necesitas el inicio de sesión en dos pasos. Actívalo en Muster y luego vuelve a {app} e inicia sesión de nuevo.',
  'oidcLogin.setUpSecondFactor': 'Activar el inicio de sesión en dos pasos',
  'oidcConsent.title': '¿Permitir {app}?',
  'oidcConsent.signedInAs': 'Has iniciado sesión como {name} ({community}).',
  'oidcConsent.asks': '{app} quiere:',
  'oidcConsent.scopeSignIn': 'Iniciar tu sesión con tu cuenta de Muster',
  'oidcConsent.scopeProfile': 'Ver tu nombre, idioma y zona horaria',
  'oidcConsent.scopeEmail': 'Ver tu correo electrónico',
  'oidcConsent.scopePhone': 'Ver tu número de móvil',
  'oidcConsent.scopeMuster': 'Ver tu rol, departamento y número de empleado',
  'oidcConsent.scopeOffline': 'Mantener tu sesión abierta cuando no la uses',
  'oidcConsent.notPassword':
    'Nunca ve tu contraseña. Solo se te pregunta una vez por cada cosa nueva que pida.',
  'oidcConsent.allow': 'Permitir',
  'oidcConsent.deny': 'No permitir',
  'apps.title': 'Aplicaciones',
  'apps.intro':
    'Las demás aplicaciones de la empresa (intranet, turnos, nóminas, formación) pueden iniciar la sesión de las personas con su cuenta de Muster. Registra aquí cada aplicación; su administrador necesita la dirección de descubrimiento, el ID de cliente y, en la mayoría de los casos, el secreto de cliente.',
  'apps.discovery': 'Dirección de descubrimiento (OpenID Connect):',
  'apps.createTitle': 'Registrar una aplicación',
  'apps.editTitle': 'Cambiar {name}',
  'apps.listTitle': 'Aplicaciones registradas',
  'apps.empty': 'Aún no hay aplicaciones. Registra la primera arriba.',
  'apps.name': 'Nombre',
  'apps.nameHint': 'Lo que ven las personas al iniciar sesión, por ejemplo «Intranet».',
  'apps.nameRequired': 'Ponle un nombre a la aplicación.',
  'apps.redirectUris': 'URI de redirección',
  'apps.redirectUrisHint':
    'Una por línea: dónde recibe la aplicación a las personas tras iniciar sesión. https, o http solo en 127.0.0.1 para aplicaciones en un ordenador.',
  'apps.redirectRequired':
    'Indica al menos una URI de redirección: la documentación de la aplicación la menciona.',
  'apps.logoutUris': 'URI tras cerrar sesión',
  'apps.logoutUrisHint':
    'Opcional, una por línea: adónde puede enviar la aplicación a las personas tras cerrar sesión.',
  'apps.backchannel': 'URI de cierre de sesión back-channel',
  'apps.backchannelHint':
    'Opcional: donde Muster avisa a la aplicación de que alguien cerró sesión, fue desactivado o restablecido. Puede estar en la red de la empresa.',
  'apps.kind': 'Tipo de aplicación',
  'apps.kindHint':
    'Una aplicación móvil o de una sola página no puede guardar un secreto: elige pública. Una aplicación de servidor recibe un secreto.',
  'apps.confidential': 'Confidencial (tiene un secreto)',
  'apps.public': 'Pública (móvil o de una sola página)',
  'apps.withKeys': 'Confidencial (firma con sus propias claves)',
  'apps.firstParty': 'Aplicación propia',
  'apps.firstPartyHint': 'Una aplicación que gestiona la empresa: no se pide permiso a las personas.',
  'apps.firstPartyBadge': 'propia',
  'apps.register': 'Registrar aplicación',
  'apps.saved': '{name} se ha guardado.',
  'apps.shownTitle': '{name}: copia esto ahora',
  'apps.clientId': 'ID de cliente',
  'apps.clientSecret': 'Secreto de cliente',
  'apps.secretOnce':
    'El secreto de cliente solo se muestra esta vez. Cópialo ahora en la aplicación; si se pierde, crea uno nuevo.',
  'apps.noSecret': 'Esta aplicación no tiene secreto: se identifica con PKCE o con sus propias claves.',
  'apps.done': 'Hecho',
  'apps.secretRotated': 'Secreto creado',
  'apps.edit': 'Cambiar',
  'apps.editFor': 'Cambiar {name}',
  'apps.rotate': 'Nuevo secreto',
  'apps.rotateFor': 'Crear un nuevo secreto para {name}',
  'apps.confirmRotate':
    '¿Crear un nuevo secreto para {name}? El secreto anterior deja de funcionar al instante, así que la aplicación no podrá iniciar sesiones hasta que tenga el nuevo.',
  'apps.remove': 'Quitar',
  'apps.removeFor': 'Quitar {name}',
  'apps.confirmRemove':
    '¿Quitar {name}? Ya nadie podrá iniciar sesión en ella con Muster, y los tokens que tiene dejan de funcionar al instante.',
  'apps.removed': '{name} se ha quitado.',
} satisfies Record<keyof typeof en, string>;
