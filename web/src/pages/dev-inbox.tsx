import { type DevMail, type DevSms, get } from '../api';
import { formatTime, t } from '../i18n';
import { Button, ErrorAlert, Loading } from '../ui/feedback';
import { useLoad } from '../ui/hooks';
import { loginText } from '../ui/phone';
import { Shell } from '../ui/shell';

/**
 * For newcomers on the console provider and mailer: the texts and emails Muster would have sent,
 * links clickable. A medium whose real provider is configured has no inbox here.
 */
export function DevInboxPage() {
  const texts = useLoad(() => get<{ items: DevSms[] }>('/api/v1/dev/sms').catch(() => null), []);
  const mails = useLoad(() => get<{ items: DevMail[] }>('/api/v1/dev/mail').catch(() => null), []);
  const reload = () => {
    void texts.reload();
    void mails.reload();
  };
  return (
    <Shell title={t('dev.title')}>
      <p>{t('dev.intro')}</p>
      <Button kind="secondary" onClick={reload} busy={texts.loading || mails.loading}>
        {t('dev.refresh')}
      </Button>
      {(texts.loading && !texts.data) || (mails.loading && !mails.data) ? <Loading /> : null}
      <ErrorAlert error={texts.error ?? mails.error} />
      {texts.data ? (
        <section aria-labelledby="dev-texts">
          <h2 id="dev-texts">{t('dev.texts')}</h2>
          {texts.data.items.length === 0 ? <p>{t('dev.empty')}</p> : null}
          <ol className="inbox">
            {texts.data.items.map((sms) => (
              <li key={sms.id} className="card sms">
                <p className="meta">
                  {t('dev.to', { to: loginText(sms.to) })} · {formatTime(sms.at)}
                </p>
                <p>{linkify(sms.body)}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {mails.data ? (
        <section aria-labelledby="dev-emails">
          <h2 id="dev-emails">{t('dev.emails')}</h2>
          {mails.data.items.length === 0 ? <p>{t('dev.emptyEmail')}</p> : null}
          <ol className="inbox">
            {mails.data.items.map((mail) => (
              <li key={mail.id} className="card sms">
                <p className="meta">
                  {t('dev.to', { to: mail.to })} · {formatTime(mail.at)}
                </p>
                <p>
                  <strong>{mail.subject}</strong>
                </p>
                <p className="mail-body">{linkify(mail.body)}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </Shell>
  );
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed text
      <a key={i} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}
