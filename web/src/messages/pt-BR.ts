import type { en } from './en';

/** Brazilian Portuguese: "você", the everyday voice of workplace messages in Brazil. */
export const ptBR = {
  'app.name': 'Muster',
  'app.skip': 'Pular para o conteúdo',
  'app.loading': 'Carregando…',
  'app.menu': 'Menu',
  'app.signOut': 'Sair',
  'app.notFound': 'Esta página não existe.',
  'app.goHome': 'Ir para a página inicial',
  'app.retry': 'Tentar de novo',
  'app.save': 'Salvar',
  'app.saving': 'Salvando…',
  'app.saved': 'Alterações salvas.',
  'app.cancel': 'Cancelar',
  'app.back': 'Voltar',
  'app.continue': 'Continuar',
  'app.next': 'Próximo',
  'app.previous': 'Anterior',
  'app.more': 'Ver mais',
  'app.none': 'Ainda não há nada aqui.',
  'app.required': 'obrigatório',
  'app.copy': 'Copiar',
  'app.copied': 'Copiado',
  'app.copyManual': 'Já está selecionado: pressione Ctrl+C (⌘C no Mac) para copiar.',
  'app.close': 'Fechar',
  'app.pages': 'Páginas',
  'app.language': 'Idioma',
  'app.offline': 'Não foi possível conectar ao Muster. Verifique sua conexão e tente de novo.',
  'app.failed': 'Algo deu errado ({status}). Tente de novo.',

  'error.invalid_credentials':
    'Esse e-mail, número ou nome de usuário e essa senha não correspondem a nenhuma conta ativa. Confira os dois ou use “Esqueceu sua senha?”.',
  'error.community_required':
    'Várias comunidades usam este servidor: digite o nome curto da sua, como a sua empresa informou.',
  'error.community_not_found':
    'Não existe nenhuma comunidade com esse nome curto. Confira o nome curto que você recebeu.',
  'error.unauthenticated': 'Você não está conectado ou sua sessão terminou. Entre de novo.',
  'error.csrf_token_invalid': 'Esta página está desatualizada. Recarregue e tente de novo.',
  'error.internal_error':
    'Algo deu errado do nosso lado. Tente de novo; se continuar acontecendo, avise seu administrador.',
  'error.claim_link_not_found':
    'Este link de convite não é válido. Confira se você abriu o link inteiro do SMS ou do e-mail. Peça ao seu administrador para enviar um novo convite.',
  'error.claim_link_expired':
    'Este link de convite expirou. Peça ao seu administrador para enviar um novo convite.',
  'error.claim_link_used':
    'Este link de convite já foi usado. Se você já criou uma senha, entre com ela; se não, peça ao seu administrador para enviar um novo convite.',
  'error.claim_link_superseded':
    'Este link de convite foi substituído por um mais recente. Use o link do seu último SMS ou e-mail, ou peça ao seu administrador para enviar um novo convite.',
  'error.reset_link_not_found':
    'Este link de redefinição de senha não é válido. Confira se você abriu o link inteiro do e-mail. Peça um novo link na página de login (“Esqueceu sua senha?”).',
  'error.reset_link_expired':
    'Este link de redefinição de senha expirou. Peça um novo link na página de login (“Esqueceu sua senha?”).',
  'error.reset_link_used':
    'Este link de redefinição de senha já foi usado. Se não foi você, peça um novo link na página de login (“Esqueceu sua senha?”).',
  'error.recovery_failed':
    'Esse número de celular e esse código de recuperação não correspondem. Confira os dois e tente de novo; se você perdeu o código, peça ao seu administrador para redefinir sua conta.',
  'error.recovery_not_allowed':
    'Esta é uma conta de administrador, e um código de recuperação, um link por e-mail ou um código de acesso não bastam para redefini-la. Peça a outro administrador do sistema para voltar sua conta para não ativada.',
  'error.second_factor_required':
    'Esta é uma conta de administrador: digite também o código de 6 dígitos do seu app autenticador (ou um código de backup).',
  'error.totp_required':
    'Digite também o código de 6 dígitos do seu app autenticador (ou um dos seus códigos de backup).',
  'error.totp_invalid':
    'Esse código não está certo ou já foi usado. Digite o código que o app mostra agora ou um código de backup.',
  'error.password_incorrect': 'Sua senha não está certa. Digite de novo.',
  'error.rate_limited.seconds':
    'Tentativas demais. Espere {count, plural, one {# segundo} many {# de segundos} other {# segundos}} e tente de novo, ou peça ajuda ao seu administrador.',
  'error.rate_limited.minutes':
    'Tentativas demais. Espere {count, plural, one {# minuto} many {# de minutos} other {# minutos}} e tente de novo, ou peça ajuda ao seu administrador.',
  'error.rate_limited.hours':
    'Tentativas demais. Espere {count, plural, one {# hora} many {# de horas} other {# horas}} e tente de novo, ou peça ajuda ao seu administrador.',
  'error.rate_limited.recoveryCodes':
    'Você já gerou {count, plural, one {# código de recuperação} many {# de códigos de recuperação} other {# códigos de recuperação}} hoje, o máximo permitido. Guarde o mais recente; amanhã você pode gerar outro.',
  'error.password_too_short':
    'Escolha uma senha com pelo menos {min} caracteres. Algumas palavras que você vai lembrar funcionam bem.',
  'error.password_too_long': 'Escolha uma senha com no máximo {max} caracteres.',
  'error.password_too_common':
    'Essa senha é uma das mais comuns, por isso é a primeira que um invasor tenta. Escolha outra: algumas palavras sem relação entre si funcionam bem.',
  'error.password_too_personal':
    'Essa senha usa seu nome, seu número ou sua empresa, que outras pessoas podem adivinhar. Escolha outra.',
  'error.phone_invalid':
    'Esse não é um número de celular válido. Confira os dígitos e inclua o código do país, por exemplo +44 7911 123456.',
  'error.phone_not_mobile':
    'Esse número não é de celular, então não pode receber SMS. Digite um número de celular.',
  'error.access_code_profiles_disabled':
    'Os códigos de acesso estão desativados nesta comunidade. Um administrador do sistema pode ativá-los em Configurações.',
  'error.access_code_invalid':
    'Este código de acesso não é válido. Confira se você digitou as 16 letras como estão impressas; espaços e hifens não importam. Se ainda não funcionar, peça um novo código de acesso ao seu administrador.',
  'error.access_code_expired':
    'Este código de acesso expirou em {date}. Peça um novo código de acesso ao seu administrador.',
  'error.access_code_used':
    'Este código de acesso já foi usado. Se você escolheu um nome de usuário e uma senha com ele, entre com eles. Se não, peça um novo código de acesso ao seu administrador.',
  'error.access_code_revoked': 'Este código de acesso foi cancelado. Peça um novo ao seu administrador.',
  'error.username_required':
    'Escolha um nome de usuário: você vai entrar com ele. Use letras, números, pontos, hifens ou sublinhados.',
  'error.username_invalid':
    'Esse nome de usuário parece um número de celular, então não pode ser usado. Acrescente uma ou duas letras.',
  'error.username_mismatch':
    'Este código de acesso é da conta com o nome de usuário “{username}”. Digite esse nome de usuário ou deixe o campo em branco.',
  'error.user_name_taken':
    'Alguém nesta comunidade já usa esse nome de usuário. Escolha outro; seu código de acesso continua valendo.',
  'error.field.tooShort': 'Pelo menos {min} caracteres',
  'error.field.tooLong': 'No máximo {max} caracteres',
  'error.field.tooCommon': 'Comum demais',
  'error.field.personal': 'Feita com seus próprios dados',
  'error.field.mismatch': 'Não confere',
  'error.field.required': 'Obrigatório',
  'error.field.accessCode': 'Não é um código de acesso válido',
  'error.field.readsAsPhone': 'Parece um número de celular',
  'error.field.usernameIs': 'O nome de usuário desta conta é {username}',
  'error.field.taken': 'Já está em uso',

  'nav.people': 'Pessoas',
  'nav.invitations': 'Convites pendentes',
  'nav.lockouts': 'Contas bloqueadas',
  'nav.settings': 'Configurações',
  'nav.integrations': 'Integrações',
  'nav.sms': 'Registro de SMS',
  'nav.audit': 'Registro de auditoria',
  'nav.limits': 'Limites',
  'nav.security': 'Segurança e login',
  'nav.devInbox': 'Caixa de SMS de desenvolvimento',

  'state.not_invited': 'Não convidado',
  'state.invited': 'Convidado',
  'state.active': 'Ativo',
  'state.deactivated': 'Desativado',
  'role.system_admin': 'Administrador do sistema',
  'role.account_manager': 'Gerente de contas',
  'role.analyst': 'Analista',
  'role.member': 'Membro',
  'kind.email': 'E-mail',
  'kind.phone': 'Número de celular',
  'kind.username': 'Nome de usuário',

  'setup.title': 'Configurar o Muster',
  'setup.intro': 'Crie sua comunidade e o primeiro administrador do sistema. Este link só funciona uma vez.',
  'setup.community': 'Sua comunidade',
  'setup.name': 'Nome da empresa ou comunidade',
  'setup.slug': 'Nome curto',
  'setup.slugHint':
    'Letras minúsculas, números e hifens, como acme-foods. As pessoas podem digitá-lo ao entrar.',
  'setup.timeZone': 'Fuso horário',
  'setup.timeZoneHint': 'Os limites diários são zerados à meia-noite deste fuso.',
  'setup.country': 'País da maioria dos números de celular',
  'setup.you': 'Você, o primeiro administrador do sistema',
  'setup.yourName': 'Seu nome',
  'setup.email': 'Seu e-mail',
  'setup.password': 'Escolha uma senha',
  'setup.submit': 'Criar comunidade',
  'setup.done': 'Sua comunidade está pronta. Entre com seu e-mail e sua senha.',
  'setup.noToken':
    'Esta página precisa do link de configuração que o servidor mostrou ao iniciar. Abra esse link ou execute npx muster setup.',
  'setup.alreadyDone': 'O Muster já está configurado.',

  'login.title': 'Entrar',
  'login.identifier': 'E-mail ou número de celular',
  'login.identifierHint':
    'O número funciona com ou sem o código do país. Entrou com um código de acesso? Digite seu nome de usuário.',
  'login.password': 'Senha',
  'login.community': 'Nome curto da comunidade',
  'login.communityHint': 'Só é necessário se a sua empresa passou um para você.',
  'login.submit': 'Entrar',
  'login.forgot': 'Esqueceu sua senha?',
  'login.codeStep': 'Digite o código de 6 dígitos do seu app autenticador ou um código de backup.',
  'login.otherAccount': 'Usar outra conta',

  'code.label': 'Código do autenticador',
  'code.hint': '6 dígitos do app, ou um código de backup como ABCDE-FGHJK.',

  'password.rules': 'Pelo menos {min} caracteres. Algumas palavras que você vai lembrar funcionam bem.',
  'password.count': '{count} de pelo menos {min} caracteres',
  'password.ok': 'Tamanho suficiente',
  'password.show': 'Mostrar senha',

  'claim.title': '{community}: boas-vindas!',
  'claim.intro':
    'Escolha uma senha para sua conta no Muster. Você vai entrar com seu número de celular {phone} e esta senha.',
  'claim.introEmail':
    'Escolha uma senha para sua conta no Muster. Você vai entrar com seu e-mail {email} e esta senha.',
  'claim.doneEmail':
    'Pronto, você já tem acesso. Se um dia esquecer sua senha, escolha “Esqueceu sua senha?” para receber um link por e-mail.',
  'claim.password': 'Nova senha',
  'claim.submit': 'Definir senha e continuar',
  'claim.done':
    'Pronto, você já tem acesso. Estamos enviando por SMS um código de recuperação: guarde-o bem, ele permite redefinir sua senha.',
  'claim.continue': 'Ir para sua conta',
  'claim.problemTitle': 'Este link não pode ser usado',

  'forgot.title': 'Redefinir sua senha',
  'forgot.useEmail': 'Eu entro com um e-mail',
  'forgot.usePhone': 'Eu entro com um número de celular',
  'forgot.emailStep':
    'Digite o e-mail que você usa para entrar. Vamos enviar um link para você escolher uma nova senha.',
  'forgot.email': 'E-mail',
  'forgot.sendLink': 'Enviar um link para meu e-mail',
  'forgot.emailSent':
    'Se {email} pertencer a uma conta, um e-mail com um link para escolher uma nova senha está a caminho. O link funciona por uma hora. Se nada chegar em alguns minutos, confira sua pasta de spam.',
  'reset.title': 'Escolha uma nova senha',
  'reset.intro': 'Escolha uma nova senha para {name} em {community}.',
  'reset.password': 'Nova senha',
  'reset.logoutOthers': 'Sair nos meus outros aparelhos',
  'reset.logoutOthersHint': 'Faça isso se achar que outra pessoa conhece sua senha antiga.',
  'reset.submit': 'Salvar senha e entrar',
  'reset.problemTitle': 'Este link não pode ser usado',
  'reset.again': 'Pedir um novo link',
  'forgot.phoneStep': 'Digite o número de celular que você usa para entrar.',
  'forgot.phone': 'Número de celular',
  'forgot.reset': 'Redefinir senha',
  'forgot.codeStep':
    'Digite o código de recuperação de 10 caracteres que enviamos por SMS quando você entrou na comunidade, ou o mais recente que você gerou.',
  'forgot.code': 'Código de recuperação',
  'forgot.codeHint': 'Como ABCDE-FGHJK. Maiúsculas ou minúsculas, com ou sem o hífen.',
  'forgot.passwordStep': 'Escolha uma nova senha.',
  'forgot.newPassword': 'Nova senha',
  'forgot.devicesStep': 'Quer sair da sua conta nos outros aparelhos?',
  'forgot.logoutOthers': 'Sim, sair nos outros aparelhos',
  'forgot.keepOthers': 'Não, manter a sessão aberta neles',
  'forgot.community': 'Nome curto da comunidade',
  'forgot.communityHint':
    'Sua empresa usa várias comunidades neste servidor: digite o nome curto que passaram para você.',
  'forgot.noCode':
    'Não tem o código? Peça ao seu administrador para redefinir sua conta; você vai receber um novo convite por SMS.',
  'forgot.done': 'Sua senha foi alterada e sua sessão já está aberta.',
  'forgot.doneOthers':
    'Sua senha foi alterada, sua sessão já está aberta e {count, plural, one {# outro aparelho foi desconectado} many {# de outros aparelhos foram desconectados} other {# outros aparelhos foram desconectados}}.',
  'forgot.newCodeHint': 'Seu código de recuperação já foi usado. Gere um novo agora em Segurança e login.',
  'forgot.totpStep':
    'Esta é uma conta de administrador. Para terminar, digite o código de 6 dígitos do seu app autenticador ou um código de backup.',
  'forgot.finish': 'Redefinir senha e entrar',

  'security.title': 'Segurança e login',
  'security.recoveryTitle': 'Gere seu código de recuperação',
  'security.recoveryIntro':
    'Com um código de recuperação, você redefine sua senha pelo celular sem precisar ligar para o suporte. Gerar um novo substitui o anterior.',
  'security.recoveryPassword': 'Sua senha',
  'security.recoveryButton': 'Gerar meu código de recuperação',
  'security.recoveryShown': 'Seu novo código de recuperação:',
  'security.recoveryStore': 'Guarde-o em um lugar seguro. Ele só aparece agora e funciona uma única vez.',
  'security.changeTitle': 'Alterar senha',
  'security.current': 'Senha atual',
  'security.new': 'Nova senha',
  'security.logoutOthers': 'Sair nos outros aparelhos',
  'security.changeButton': 'Alterar senha',
  'security.changed': 'Sua senha foi alterada.',
  'security.sessionsTitle': 'Onde sua sessão está aberta',
  'security.thisDevice': 'Este aparelho',
  'security.signedInAt': 'Entrou em {when}',
  'security.lastUsed': 'último uso em {when}',
  'security.signOutDevice': 'Encerrar sessão',
  'security.logoutOthersButton': 'Sair nos outros aparelhos',
  'security.othersEnded':
    '{count, plural, one {# outro aparelho foi desconectado.} many {# de outros aparelhos foram desconectados.} other {# outros aparelhos foram desconectados.}}',
  'security.browser': 'Navegador',
  'security.twoStepTitle': 'Verificação em duas etapas',
  'security.twoStepOn': 'Ativada: você entra com sua senha e um código do seu app autenticador.',
  'security.twoStepOff':
    'Desativada. Adicione ao seu login um código de um app autenticador no celular, para que uma senha roubada não baste para abrir sua conta.',
  'security.twoStepRequired': 'Sua função exige isso: ative antes de usar as páginas de administração.',
  'security.twoStepSetUp': 'Ativar verificação em duas etapas',
  'security.twoStepReplace': 'Passar para outro celular ou app',

  'twoStep.title': 'Verificação em duas etapas',
  'twoStep.required':
    'Como você gerencia contas de outras pessoas, você entra com sua senha e um código de um app autenticador no celular. Ative agora para continuar; leva dois minutos.',
  'twoStep.intro':
    'Entre com sua senha e um código de um app autenticador no celular, como Google Authenticator, Microsoft Authenticator ou 2FAS. Assim, uma senha roubada não basta para abrir sua conta.',
  'twoStep.replaceIntro':
    'A verificação em duas etapas está ativada. Para passar para outro celular ou app, configure de novo: o autenticador antigo e os códigos de backup param de funcionar quando o novo for confirmado.',
  'twoStep.password': 'Sua senha',
  'twoStep.currentCode': 'Um código do seu autenticador atual',
  'twoStep.start': 'Configurar autenticador',
  'twoStep.scanTitle': 'Adicione o Muster ao seu app autenticador',
  'twoStep.scan': 'No seu app autenticador, adicione uma conta e leia este QR code.',
  'twoStep.qrAlt':
    'QR code que adiciona sua conta do Muster a um app autenticador. Se não conseguir ler, digite a chave mostrada abaixo.',
  'twoStep.key': 'Não conseguiu ler? Digite esta chave no app:',
  'twoStep.keyHint': 'Escolha “baseada em tempo” se o app perguntar. Os espaços não importam.',
  'twoStep.copyKey': 'Copiar chave',
  'twoStep.confirmTitle': 'Digite o código que o app mostra',
  'twoStep.code': 'Código do app',
  'twoStep.codeHint': '6 dígitos. Um novo aparece a cada 30 segundos.',
  'twoStep.confirm': 'Ativar verificação em duas etapas',
  'twoStep.startAgain': 'Começar de novo',
  'twoStep.on': 'A verificação em duas etapas está ativada.',
  'twoStep.backupTitle': 'Seus códigos de backup',
  'twoStep.backupIntro':
    'Se você perder o celular, entre com um destes códigos em vez de um código do app. Cada código funciona uma vez.',
  'twoStep.backupStore': 'Imprima-os ou guarde-os em um gerenciador de senhas. Eles só aparecem agora.',
  'twoStep.copyCodes': 'Copiar todos os códigos',
  'twoStep.saved': 'Já guardei',

  'people.title': 'Pessoas',
  'people.add': 'Adicionar uma pessoa',
  'people.addMany': 'Adicionar várias pessoas',
  'people.search': 'Pesquisar por nome, número, e-mail ou matrícula',
  'people.filterState': 'Status',
  'people.filterKind': 'Login',
  'people.all': 'Todos',
  'people.name': 'Nome',
  'people.login': 'Login',
  'people.status': 'Status',
  'people.job': 'Cargo',
  'people.select': 'Selecionar {name}',
  'people.selectAll': 'Selecionar todos nesta página',
  'people.selected': '{count, plural, one {# selecionada} many {# de selecionadas} other {# selecionadas}}',
  'people.remind': 'Lembrar',
  'people.unclaim': 'Voltar para não ativada',
  'people.deactivate': 'Desativar',
  'people.exportCsv': 'Exportar CSV',
  'people.exportXlsx': 'Exportar para Excel',
  'people.bulkDone': 'Concluídas: {done}. Não concluídas: {failed}.',
  'people.empty': 'Ninguém corresponde. Adicione pessoas ou mude a pesquisa.',
  'people.count': '{count, plural, one {# pessoa} many {# de pessoas} other {# pessoas}}',
  'people.confirmUnclaim':
    '{count, plural, one {Voltar # conta para não ativada? A senha deixa de funcionar e a pessoa recebe um novo convite por SMS.} many {Voltar # de contas para não ativadas? As senhas deixam de funcionar e cada pessoa recebe um novo convite por SMS.} other {Voltar # contas para não ativadas? As senhas deixam de funcionar e cada pessoa recebe um novo convite por SMS.}}',
  'people.confirmDeactivate':
    '{count, plural, one {Desativar # conta? A pessoa é desconectada na hora e não consegue mais entrar.} many {Desativar # de contas? As pessoas são desconectadas na hora e não conseguem mais entrar.} other {Desativar # contas? As pessoas são desconectadas na hora e não conseguem mais entrar.}}',

  'add.title': 'Adicionar uma pessoa',
  'add.accessMethod': 'Forma de acesso',
  'add.byPhone': 'Número de celular',
  'add.byEmail': 'E-mail',
  'add.country': 'País',
  'add.phone': 'Número de celular',
  'add.phoneHint': 'Com ou sem o código do país e o sinal +.',
  'add.email': 'E-mail',
  'add.givenName': 'Nome',
  'add.familyName': 'Sobrenome',
  'add.displayName': 'Nome de exibição',
  'add.jobTitle': 'Cargo',
  'add.department': 'Departamento',
  'add.division': 'Divisão',
  'add.organization': 'Organização',
  'add.costCenter': 'Centro de custo',
  'add.location': 'Local',
  'add.externalId': 'Matrícula',
  'add.startDate': 'Data de admissão',
  'add.frontline': 'Equipe operacional (linha de frente)',
  'add.locale': 'Idioma',
  'add.localeHint': 'As mensagens e as páginas da pessoa aparecem neste idioma.',
  'add.localeDefault': 'O padrão da comunidade',
  'add.manager': 'Gestor',
  'add.managerHint': 'Pesquise pelo nome',
  'add.sendSms': 'Enviar convites por SMS',
  'add.sendEmail': 'Enviar convite por e-mail',
  'add.emailHint': 'A pessoa recebe um e-mail com um link para escolher a senha.',
  'add.save': 'Adicionar pessoa',
  'add.phoneDisabled':
    'A criação de perfis com número de celular está desativada. Um administrador do sistema pode ativá-la em Configurações.',
  'add.created': 'Pessoa adicionada: {name}.',
  'add.createdSms': 'Pessoa adicionada: {name}. O convite por SMS já está a caminho.',
  'add.createdEmail': 'Pessoa adicionada: {name}. O convite por e-mail já está a caminho.',

  'import.title': 'Adicionar várias pessoas',
  'import.intro':
    'Envie um arquivo CSV ou Excel, ou cole uma lista, com os nomes das colunas na primeira linha. Os arquivos do Workplace funcionam do jeito que estão: o modelo, o arquivo para pessoas sem e-mail (Employee Id) e a exportação de contas. Quem já está no Muster é atualizado, nunca adicionado duas vezes.',
  'import.paste': 'Cole as linhas aqui',
  'import.file': 'Ou escolha um arquivo',
  'import.check': 'Verificar a lista',
  'import.checking': 'Verificando {done} de {total}…',
  'import.preview': 'Prévia',
  'import.previewSummary':
    'Nada foi alterado ainda. A importação ficaria assim: {created} a adicionar, {updated} a atualizar e {unchanged} sem alteração. Linhas com erros: {failed}. Aguardando o limite de amanhã: {waiting}.',
  'import.unknownColumns': 'Estas colunas não são importadas porque o Muster não as reconhece: {columns}.',
  'import.rowsWithProblems': 'Linhas com erros',
  'import.row': 'Linha',
  'import.cells': 'Início da linha',
  'import.reason': 'Motivo',
  'import.sendNow': 'Enviar os convites agora',
  'import.sendLater': 'Adicionar agora e enviar os convites depois',
  'import.send': 'Enviar convites por SMS',
  'import.addOnly': 'Adicionar pessoas',
  'import.noRows': 'Não há linhas para adicionar. Cole uma lista ou escolha um arquivo.',
  'import.downloadErrors': 'Baixar as linhas com erros',
  'import.placeholder': 'phone,first name,last name\n+55 11 91234 5678,Ana,Souza',

  'importJob.title': 'Importação',
  'importJob.back': 'Todas as importações',
  'importJob.state.queued': 'Aguardando início',
  'importJob.state.running': 'Importando',
  'importJob.state.waiting': 'Aguardando a renovação do limite diário',
  'importJob.state.done': 'Concluída',
  'importJob.state.failed': 'Interrompida',
  'importJob.state.cancelled': 'Cancelada',
  'importJob.progress': '{processed} de {total} linhas',
  'importJob.counts':
    'Adicionadas: {created}. Atualizadas: {updated}. Sem alteração: {unchanged}. Com erros: {failed}.',
  'importJob.waitingUntil':
    'O limite de hoje para novas contas com número de celular foi atingido. Linhas aguardando: {waiting}. A importação continua sozinha em {time}.',
  'importJob.closeTab': 'Você pode fechar esta página: a importação continua no servidor.',
  'importJob.cancel': 'Cancelar a importação',
  'importJob.confirmCancel': 'Cancelar esta importação? As linhas já importadas ficam como estão.',
  'importJob.error': 'A importação foi interrompida: {error}',

  'imports.title': 'Importações',
  'imports.empty': 'Nenhuma importação ainda.',
  'imports.started': 'Início',
  'imports.file': 'Arquivo',
  'imports.state': 'Status',
  'imports.result': 'Resultado',
  'imports.errors': 'Linhas com erros',
  'imports.unnamed': 'Lista colada',

  'person.edit': 'Editar perfil',
  'person.phoneFixed':
    'Uma conta com número de celular mantém esse número para sempre, por isso ele não pode ser alterado aqui. Para usar um número novo, adicione a pessoa de novo com ele.',
  'person.actions': 'Conta',
  'person.resend': 'Reenviar convite',
  'person.left':
    'Restam {left} de {limit, plural, one {# convite} many {# de convites} other {# convites}} hoje',
  'person.remind': 'Lembrar',
  'person.unclaim': 'Voltar para não ativada',
  'person.deactivate': 'Desativar',
  'person.reactivate': 'Reativar',
  'person.delete': 'Excluir',
  'person.confirmDelete': 'Excluir {name}? Não é possível desfazer.',
  'person.confirmUnclaim':
    'Voltar a conta de {name} para não ativada? A senha deixa de funcionar e a pessoa recebe um novo convite por SMS.',
  'person.smsTitle': 'Mensagens de texto',
  'person.sessionsTitle': 'Sessões',
  'person.noSessions': 'Nenhuma sessão aberta.',
  'person.role': 'Função',
  'person.invited': 'Convite enviado em {when}',
  'person.claimed': 'Conta ativada em {when}',
  'person.done': 'Pronto.',
  'person.liftLockout': 'Desbloquear',
  'person.lockoutLifted':
    'Os bloqueios de login e de recuperação foram retirados: {name} já pode tentar de novo.',

  'invitations.title': 'Convites pendentes',
  'invitations.intro':
    'Pessoas que ainda não ativaram a conta. Cada uma pode receber no máximo 5 SMS de convite por dia.',
  'invitations.remindAll': 'Lembrar todos',
  'invitations.remindAllDone':
    'Lembretes enviados: {reminded}. Ignorados porque não restavam SMS de convite hoje: {skipped}. Não foi possível lembrar: {failed}.',
  'invitations.sentAt': 'Convite enviado em',

  'settings.title': 'Configurações',
  'settings.phoneProfiles': 'Criação de perfis com número de celular',
  'settings.phoneProfilesHelp':
    'Permite que os administradores adicionem pessoas pelo número de celular e as convidem por SMS. Vale na hora.',
  'settings.accessCodes': 'Criação de perfis com códigos de acesso',
  'settings.accessCodesHelp':
    'Permite que os administradores adicionem pessoas sem e-mail nem telefone, que entram com um código impresso.',
  'settings.smsCountries': 'Países permitidos para SMS',
  'settings.smsCountriesHelp':
    'Códigos de país de duas letras, separados por vírgulas. Vazio significa apenas o país padrão.',
  'settings.claimLink': 'Validade do link de convite (dias)',
  'settings.claimLinkHelp':
    'Por quanto tempo um link de convite funciona antes de a pessoa precisar de um novo.',
  'settings.reminders': 'Lembretes automáticos',
  'settings.remindersHelp': 'Envia outro SMS a quem ainda não ativou a conta depois do convite.',
  'settings.reminderDays': 'Dias dos lembretes',
  'settings.reminderDaysHelp': 'Dias depois do convite, separados por vírgulas (o Workplace usava 3 e 5).',
  'settings.passwordMin': 'Tamanho mínimo da senha',
  'settings.passwordMinHelp':
    'Pelo menos 8. Quanto mais longa, mais segura; nenhuma outra regra é necessária.',
  'settings.idle': 'Desconectar após inatividade (minutos)',
  'settings.idleHelp': 'A sessão de um membro que fica esse tempo sem uso é encerrada.',
  'settings.absolute': 'Duração máxima da sessão (horas)',
  'settings.absoluteHelp': 'Toda sessão de membro termina depois desse tempo, por mais que seja usada.',
  'settings.adminIdle': 'Desconectar administradores após inatividade (minutos)',
  'settings.adminIdleHelp':
    'Para administradores do sistema, gerentes de contas e analistas, cujas sessões alcançam as contas de todos.',
  'settings.adminAbsolute': 'Duração máxima da sessão de administrador (horas)',
  'settings.adminAbsoluteHelp':
    'Toda sessão de administrador termina depois desse tempo, por mais que seja usada.',
  'settings.secondFactorManagers': 'Verificação em duas etapas para gerentes de contas',
  'settings.secondFactorManagersHelp':
    'Administradores do sistema sempre entram com senha e um código de um app autenticador; esta opção pede o código também aos gerentes de contas.',
  'settings.timeZone': 'Fuso horário da comunidade',
  'settings.timeZoneHelp': 'Os limites diários são zerados à meia-noite deste fuso horário.',
  'settings.name': 'Nome da comunidade',
  'settings.nameHelp': 'Aparece para as pessoas e em todas as mensagens de texto.',
  'settings.country': 'País padrão',
  'settings.countryHelp': 'Números digitados sem código do país são lidos como deste país.',
  'settings.language': 'Idioma padrão',
  'settings.languageHelp':
    'Para quem não tem idioma no perfil: as mensagens usam este idioma, e as páginas também, a menos que a pessoa escolha outro.',

  'sms.title': 'Registro de SMS',
  'sms.status': 'Status',
  'sms.to': 'Para',
  'sms.text': 'Texto',
  'sms.when': 'Quando',
  'sms.resend': 'Reenviar',
  'sms.resent': 'Um novo SMS está a caminho.',
  'sms.status.queued': 'Na fila',
  'sms.status.sending': 'Enviando',
  'sms.status.sent': 'Enviado',
  'sms.status.delivered': 'Entregue',
  'sms.status.failed': 'Falhou',
  'sms.status.expired': 'Expirado',

  'audit.title': 'Registro de auditoria',
  'audit.type': 'Evento',
  'audit.from': 'De',
  'audit.to': 'Até',
  'audit.export': 'Exportar CSV',
  'audit.actor': 'Por',
  'audit.target': 'Sobre',
  'audit.when': 'Quando',
  'audit.outcome': 'Resultado',
  'audit.filter': 'Filtrar',
  'audit.typeExample': 'Logged in',

  'limits.title': 'Limites',
  'limits.phoneAccounts': 'Novas contas com número de celular hoje',
  'limits.usage': 'Usadas: {used} de {limit}. Restam: {left}.',
  'limits.resets': 'Zera em {when} (meia-noite, {zone}).',
  'limits.raise': 'Como aumentar: {how}',
  'limits.claimSms':
    'Cada pessoa pode receber no máximo {count, plural, one {# SMS de convite} many {# de SMS de convite} other {# SMS de convite}} por dia.',

  'lockouts.title': 'Contas bloqueadas',
  'lockouts.intro':
    'Contas bloqueadas por um tempo depois de muitas senhas ou códigos de recuperação errados. O bloqueio termina sozinho; retire-o antes se tiver certeza de que a pessoa é quem diz ser.',
  'lockouts.empty': 'Nenhuma conta está bloqueada agora.',
  'lockouts.account': 'Conta',
  'lockouts.kind': 'Bloqueada para',
  'lockouts.kind.sign_in': 'Login',
  'lockouts.kind.recovery': 'Redefinição de senha',
  'lockouts.until': 'Até',
  'lockouts.action': 'Ação',
  'lockouts.lift': 'Desbloquear',
  'lockouts.liftFor': 'Desbloquear {name}',
  'lockouts.lifted': 'Bloqueio retirado: {name}.',
  'lockouts.noAccount': 'Nenhuma conta tem este login',

  'integrations.title': 'Integrações',
  'integrations.intro':
    'Tokens de API permitem que seu provedor de identidade (Microsoft Entra ID, Okta, JumpCloud, OneLogin) adicione, atualize e desative pessoas via SCIM, e que seus próprios scripts usem a API REST. Um token pode fazer o que a função de quem o criou permite no momento do uso, só nesta comunidade, e para de funcionar se essa pessoa for desativada.',
  'integrations.scimBase': 'URL base do SCIM para provedores de identidade:',
  'integrations.createTitle': 'Criar um token',
  'integrations.name': 'Nome',
  'integrations.nameHint':
    'Para que ele serve, como “Provisionamento do Entra ID” ou “Sincronização noturna do RH”.',
  'integrations.scopes': 'O que ele pode usar',
  'integrations.scope.scim': 'SCIM',
  'integrations.scope.rest': 'API REST',
  'integrations.scopeScimHint': 'Para um provedor de identidade: pessoas e grupos em /scim/v2.',
  'integrations.scopeRestHint': 'Para scripts: a API que o painel de administração usa, em /api/v1.',
  'integrations.expires': 'Expira depois de (dias)',
  'integrations.expiresHint': 'Opcional. Deixe vazio para um token que funciona até ser revogado.',
  'integrations.create': 'Criar token',
  'integrations.nameRequired': 'Dê um nome ao token para reconhecê-lo depois.',
  'integrations.scopeRequired': 'Escolha SCIM, API REST ou os dois.',
  'integrations.daysInvalid': 'Use um número inteiro de dias de 1 a 3650, ou deixe vazio.',
  'integrations.newTitle': 'Seu novo token: {name}',
  'integrations.storeNow': 'Guarde este token agora: ele não será mostrado de novo.',
  'integrations.storeWhy':
    'Cole-o onde ele será usado ou em um gerenciador de senhas. O Muster guarda só uma impressão digital dele: se ele se perder, revogue-o e crie outro.',
  'integrations.token': 'Token de API',
  'integrations.copyToken': 'Copiar token',
  'integrations.scimUrl': 'URL base do SCIM',
  'integrations.scimUrlHint':
    'Microsoft Entra ID: cole-a como URL do locatário (Tenant URL) e o token como Token Secreto (Secret Token). Okta: cole-a como URL base do conector SCIM e o token como token de portador (bearer) do cabeçalho HTTP.',
  'integrations.copyUrl': 'Copiar URL',
  'integrations.restHint':
    'Os scripts o enviam no cabeçalho “Authorization: Bearer <token>” para {base}/api/v1.',
  'integrations.expiresOn': 'Ele para de funcionar em {when}.',
  'integrations.noExpiry': 'Ele funciona até ser revogado.',
  'integrations.stored': 'Já guardei',
  'integrations.listTitle': 'Tokens',
  'integrations.empty': 'Ainda não há tokens.',
  'integrations.colName': 'Nome',
  'integrations.colScopes': 'Para',
  'integrations.colToken': 'Token',
  'integrations.colCreated': 'Criado em',
  'integrations.colLastUsed': 'Último uso',
  'integrations.colExpires': 'Expira em',
  'integrations.colStatus': 'Status',
  'integrations.colAction': 'Ação',
  'integrations.madeBy': 'Criado por {name}',
  'integrations.madeOnServer': 'Criado no servidor (npx muster token create)',
  'integrations.neverUsed': 'Nunca',
  'integrations.fromIp': 'de {ip}',
  'integrations.neverExpires': 'Nunca',
  'integrations.status.active': 'Ativo',
  'integrations.status.expired': 'Expirado',
  'integrations.status.revoked': 'Revogado',
  'integrations.revokedAt': 'Revogado em {when}',
  'integrations.revoke': 'Revogar',
  'integrations.revokeFor': 'Revogar {name}',
  'integrations.confirmRevoke':
    'Revogar o token “{name}”? Tudo o que usá-lo será recusado a partir de agora. Não é possível desfazer.',
  'integrations.revoked': 'O token “{name}” foi revogado: tudo o que usá-lo será recusado a partir de agora.',

  'dev.title': 'Caixa de SMS de desenvolvimento',
  'dev.texts': 'SMS',
  'dev.emails': 'E-mails',
  'dev.emptyEmail': 'Ainda não há e-mails. Adicione uma pessoa pelo e-mail e o convite dela aparece aqui.',
  'dev.intro':
    'Com o provedor de SMS de console, o Muster mostra aqui as mensagens que teria enviado. Os links abrem como abririam no celular.',
  'dev.empty':
    'Ainda não há mensagens. Adicione uma pessoa pelo número de celular e o convite dela aparece aqui.',
  'dev.to': 'Para {to}',
  'dev.refresh': 'Atualizar',

  'nav.domains': 'Domínios',
  'domains.title': 'Domínios',
  'domains.intro':
    'Verifique os domínios que pertencem à sua organização, como o dos seus endereços de e-mail de trabalho. Você prova que um domínio é seu publicando um registro TXT no DNS dele. O Muster procura esse registro quando você escolhe Verificar e, depois, todos os dias.',
  'domains.planTitle': 'Plano: {plan}',
  'domains.planName.essentials': 'Essentials',
  'domains.planName.core': 'Core',
  'domains.plan.essentials':
    'No plano Core, um domínio verificado aumenta o limite diário de novas contas com número de celular. Quem opera este servidor Muster é quem muda o plano.',
  'domains.plan.core':
    'Verifique um domínio para aumentar o limite diário de novas contas com número de celular.',
  'domains.plan.coreVerified':
    'Sua comunidade tem um domínio verificado, então o limite diário de novas contas com número de celular está maior.',
  'domains.manage': 'Gerenciar domínios',
  'domains.seeLimits': 'Ver os limites de hoje',
  'domains.addTitle': 'Adicionar um domínio',
  'domains.name': 'Nome do domínio',
  'domains.nameHint':
    'Por exemplo, acme.com. Provedores de e-mail públicos, como gmail.com, não podem ser verificados.',
  'domains.nameRequired': 'Digite um nome de domínio, por exemplo, acme.com.',
  'domains.add': 'Adicionar domínio',
  'domains.added': '{name} foi adicionado. Publique o registro TXT dele e depois escolha Verificar.',
  'domains.listTitle': 'Seus domínios',
  'domains.empty': 'Nenhum domínio ainda.',
  'domains.status.verified': 'Verificado',
  'domains.status.unverified': 'Não verificado',
  'domains.howTo':
    'No seu provedor de DNS, adicione um registro TXT no próprio {name}: o campo de host ou nome é “@” (ou fica vazio) e o valor é o texto abaixo. Depois escolha Verificar. Um registro novo costuma aparecer em poucos minutos, mas pode levar algumas horas.',
  'domains.verifiedSince':
    'Verificado desde {when}. Mantenha o registro publicado: o Muster confere todos os dias.',
  'domains.lastChecked': 'Última conferência: {when}.',
  'domains.neverChecked': 'Ainda não conferido.',
  'domains.recordFor': 'Registro TXT de {name}',
  'domains.copyRecord': 'Copiar registro',
  'domains.verify': 'Verificar',
  'domains.verifyFor': 'Verificar {name}',
  'domains.verifiedNow': '{name} está verificado.',
  'domains.remove': 'Remover',
  'domains.removeFor': 'Remover {name}',
  'domains.confirmRemove':
    'Remover {name}? Se estiver verificado, ele deixa de contar na hora e, no plano Core, o limite diário de novas contas com número de celular pode voltar a baixar. Você pode adicioná-lo de novo depois, com um registro novo.',
  'domains.removed': '{name} foi removido.',
  'accessCode.title': 'Entrar com um código de acesso',
  'accessCode.intro':
    'Seu administrador entregou a você um código de acesso de 16 letras, em um cartão ou em uma folha. Digite-o aqui e depois escolha um nome de usuário e uma senha: a partir de agora, você vai entrar com eles.',
  'accessCode.code': 'Código de acesso',
  'accessCode.codeHint': '16 letras. Pode usar espaços, hifens e letras minúsculas.',
  'accessCode.username': 'Nome de usuário',
  'accessCode.usernameHint':
    'Escolha um que você vá lembrar, como ana.silva: letras, números, pontos, hifens ou sublinhados. Está redefinindo sua senha com um novo código? Digite seu nome de usuário ou deixe em branco.',
  'accessCode.password': 'Senha',
  'accessCode.submit': 'Continuar',
  'accessCode.claimed':
    'Pronto, você já tem acesso. Seu nome de usuário é {username}: a partir de agora, entre com ele e sua senha.',
  'accessCode.recovered':
    'Sua senha foi alterada e sua sessão foi encerrada em todos os outros aparelhos. Seu nome de usuário é {username}.',
  'accessCode.continue': 'Ir para sua conta',
  'accessCode.haveAccount': 'Já tem nome de usuário e senha?',
  'accessCode.signIn': 'Entrar',
  'accessCode.totpStep':
    'Esta conta também entra com um app autenticador. Para terminar, digite o código de 6 dígitos do app ou um código de backup.',
  'login.accessCode': 'Recebeu um código de acesso do seu administrador?',
  'login.useAccessCode': 'Usar seu código de acesso',
  'person.usernameFixed': 'Escolhido pela própria pessoa com o código de acesso. Não pode ser alterado.',
  'person.usernameNotYet':
    'Ainda não escolhido: a pessoa escolhe um nome de usuário quando usa o código de acesso.',
  'codes.title': 'Código de acesso',
  'codes.intro':
    'Esta pessoa não tem e-mail nem telefone. Ela entra na comunidade, e volta a acessar a conta quando esquece a senha, com um código de acesso de 16 letras que você entrega.',
  'codes.state.none': 'Nenhum código de acesso foi gerado ainda.',
  'codes.state.active': 'Há um código de acesso pronto para uso até {when}.',
  'codes.state.used': 'O último código de acesso foi usado em {when}.',
  'codes.state.revoked': 'O último código de acesso foi cancelado.',
  'codes.state.expired': 'O último código de acesso expirou em {when}.',
  'codes.get': 'Gerar código de acesso',
  'codes.getNew': 'Gerar um novo código de acesso',
  'codes.confirmNew':
    'Gerar um novo código de acesso para {name}? O código atual deixa de funcionar na hora.',
  'codes.revoke': 'Cancelar código de acesso',
  'codes.revoked': 'O código de acesso foi cancelado: ele não funciona mais.',
  'codes.shownOnce':
    'Entregue este código a {name}. Ele só aparece uma vez, funciona uma vez e expira em {when}.',
  'codes.claimHint': 'A pessoa abre {url}, digita o código e escolhe um nome de usuário e uma senha.',
  'codes.recoveryHint':
    'A pessoa abre {url}, digita o código e escolhe uma nova senha; a sessão dela é encerrada em todos os outros aparelhos.',
  'codes.label': 'Código de acesso de {name}',
  'codes.copy': 'Copiar código',
  'codes.printCard': 'Imprimir um cartão',
  'codes.off':
    'Os códigos de acesso estão desativados. Um administrador do sistema pode ativar a Criação de perfis com códigos de acesso em Configurações.',
  'codes.bulk': 'Gerar códigos de acesso',
  'codes.confirmBulk':
    '{count, plural, one {Gerar um novo código de acesso para # pessoa? O código atual deixa de funcionar.} many {Gerar novos códigos de acesso para # de pessoas? Os códigos atuais deixam de funcionar.} other {Gerar novos códigos de acesso para # pessoas? Os códigos atuais deixam de funcionar.}} Só recebe código quem não tem e-mail nem telefone.',
  'sheet.title': 'Códigos de acesso',
  'sheet.warning':
    'Estes códigos só aparecem uma vez. Imprima-os ou baixe o CSV agora: quando você sair desta página, eles somem e será preciso gerar outros.',
  'sheet.print': 'Imprimir',
  'sheet.csv': 'Baixar CSV',
  'sheet.summary':
    '{done, plural, one {# código gerado.} many {# de códigos gerados.} other {# códigos gerados.}}',
  'sheet.failed': 'Estas pessoas não receberam código:',
  'sheet.none':
    'Não há códigos para mostrar. Os códigos só aparecem uma vez: para gerar outros, selecione pessoas na lista de Pessoas e escolha Gerar códigos de acesso.',
  'sheet.back': 'Voltar para Pessoas',
  'sheet.cardFor': 'Código de acesso para {community}',
  'sheet.claim':
    'Leia o QR code ou abra {url} e digite o código. Depois escolha um nome de usuário e uma senha.',
  'sheet.recovery': 'Leia o QR code ou abra {url} e digite o código. Depois escolha uma nova senha.',
  'sheet.expires': 'Funciona uma vez, até {when}.',
  'sheet.employeeId': 'Matrícula: {id}',
  'sheet.username': 'Nome de usuário: {username}',
  'sheet.qrAlt': 'QR code que abre a página onde este código de acesso é usado',
  'add.byEmployeeId': 'Só matrícula (código de acesso)',
  'add.employeeIdHelp':
    'Para quem não tem e-mail nem telefone. Depois de adicionar a pessoa, gere o código de acesso na página dela, ou para várias pessoas de uma vez na lista de Pessoas, e entregue a ela: com ele, a pessoa escolhe um nome de usuário e uma senha. A matrícula identifica cada pessoa na folha impressa.',
  'add.accessCodesDisabled':
    'Adicionar pessoas só pela matrícula exige a Criação de perfis com códigos de acesso, que está desativada. Um administrador do sistema pode ativá-la em Configurações.',
  'add.createdAccessCode': 'Pessoa adicionada: {name}. Abra a página dela para gerar o código de acesso:',

  // Sign in with Muster (R60): the app sign-in and consent pages, and the Apps admin page.
  'nav.apps': 'Aplicativos',
  'oidcLogin.title': 'Entrar no {app}',
  'oidcLogin.intro':
    'O {app} usa sua conta de {community} no Muster. Entre como você entra no Muster; o {app} nunca vê sua senha.',
  'oidcLogin.otherCommunity':
    'Você está conectado a outra comunidade. Entre com sua conta de {community} para continuar.',
  'oidcLogin.submit': 'Entrar e continuar',
  'oidcLogin.cancel': 'Cancelar e voltar para o {app}',
  'oidcLogin.expiredTitle': 'Este acesso expirou',
  'oidcLogin.expired':
    'Este pedido de acesso expirou ou já foi concluído. Volte ao aplicativo e entre de novo.',
  'oidcLogin.secondFactorFirst':
    'Sua conta é de administrador, então para entrar no {app} você precisa primeiro do login em duas etapas. Ative-o no Muster, depois volte ao {app} e entre de novo.',
  'oidcLogin.setUpSecondFactor': 'Ativar o login em duas etapas',
  'oidcConsent.title': 'Permitir o {app}?',
  'oidcConsent.signedInAs': 'Você está conectado como {name} ({community}).',
  'oidcConsent.asks': 'O {app} gostaria de:',
  'oidcConsent.scopeSignIn': 'Fazer seu login com sua conta do Muster',
  'oidcConsent.scopeProfile': 'Ver seu nome, idioma e fuso horário',
  'oidcConsent.scopeEmail': 'Ver seu e-mail',
  'oidcConsent.scopePhone': 'Ver seu número de celular',
  'oidcConsent.scopeMuster': 'Ver sua função, departamento e matrícula',
  'oidcConsent.scopeOffline': 'Manter você conectado quando não estiver usando',
  'oidcConsent.notPassword':
    'Ele nunca vê sua senha. Você só é perguntado uma vez para cada coisa nova que ele pedir.',
  'oidcConsent.allow': 'Permitir',
  'oidcConsent.deny': 'Não permitir',
  'apps.title': 'Aplicativos',
  'apps.intro':
    'Os outros aplicativos da empresa (intranet, escala, folha de pagamento, treinamento) podem fazer o login das pessoas com a conta do Muster. Registre cada aplicativo aqui; o administrador dele precisa do endereço de descoberta, do ID do cliente e, na maioria dos casos, do segredo do cliente.',
  'apps.discovery': 'Endereço de descoberta (OpenID Connect):',
  'apps.createTitle': 'Registrar um aplicativo',
  'apps.editTitle': 'Alterar {name}',
  'apps.listTitle': 'Aplicativos registrados',
  'apps.empty': 'Ainda não há aplicativos. Registre o primeiro acima.',
  'apps.name': 'Nome',
  'apps.nameHint': 'O que as pessoas veem ao entrar, como “Intranet”.',
  'apps.nameRequired': 'Dê um nome ao aplicativo.',
  'apps.redirectUris': 'URIs de redirecionamento',
  'apps.redirectUrisHint':
    'Uma por linha: onde o aplicativo recebe as pessoas depois do login. https, ou http só em 127.0.0.1 para aplicativos num computador.',
  'apps.redirectRequired':
    'Informe pelo menos uma URI de redirecionamento: a documentação do aplicativo indica qual.',
  'apps.logoutUris': 'URIs depois de sair',
  'apps.logoutUrisHint':
    'Opcional, uma por linha: para onde o aplicativo pode levar as pessoas depois que saem.',
  'apps.backchannel': 'URI de logout back-channel',
  'apps.backchannelHint':
    'Opcional: onde o Muster avisa o aplicativo que alguém saiu, foi desativado ou redefinido. Pode estar na rede da empresa.',
  'apps.kind': 'Tipo de aplicativo',
  'apps.kindHint':
    'Um aplicativo de celular ou de página única não consegue guardar um segredo: escolha público. Um aplicativo de servidor recebe um segredo.',
  'apps.confidential': 'Confidencial (tem um segredo)',
  'apps.public': 'Público (celular ou página única)',
  'apps.withKeys': 'Confidencial (assina com as próprias chaves)',
  'apps.firstParty': 'Aplicativo próprio',
  'apps.firstPartyHint': 'Um aplicativo mantido pela empresa: as pessoas não precisam autorizá-lo.',
  'apps.firstPartyBadge': 'próprio',
  'apps.register': 'Registrar aplicativo',
  'apps.saved': '{name} foi salvo.',
  'apps.shownTitle': '{name}: copie agora',
  'apps.clientId': 'ID do cliente',
  'apps.clientSecret': 'Segredo do cliente',
  'apps.secretOnce':
    'O segredo do cliente só aparece desta vez. Copie-o agora para o aplicativo; se for perdido, gere um novo.',
  'apps.noSecret': 'Este aplicativo não tem segredo: ele se identifica com PKCE ou com as próprias chaves.',
  'apps.done': 'Concluir',
  'apps.secretRotated': 'Segredo criado',
  'apps.edit': 'Alterar',
  'apps.editFor': 'Alterar {name}',
  'apps.rotate': 'Novo segredo',
  'apps.rotateFor': 'Gerar um novo segredo para {name}',
  'apps.confirmRotate':
    'Gerar um novo segredo para {name}? O segredo antigo para de funcionar na hora, então o aplicativo não consegue fazer login de ninguém até receber o novo.',
  'apps.remove': 'Remover',
  'apps.removeFor': 'Remover {name}',
  'apps.confirmRemove':
    'Remover {name}? Ninguém mais poderá entrar nele com o Muster, e os tokens que ele tem param de funcionar na hora.',
  'apps.removed': '{name} foi removido.',
} satisfies Record<keyof typeof en, string>;
