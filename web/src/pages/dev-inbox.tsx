import { type DevSms, get } from '../api';
import { formatTime, t } from '../i18n';
import { Button, ErrorAlert, Loading } from '../ui/feedback';
import { useLoad } from '../ui/hooks';
import { Shell } from '../ui/shell';

/** For newcomers on the console provider: the texts Muster would have sent, links clickable. */
export function DevInboxPage() {
  const inbox = useLoad(() => get<{ items: DevSms[] }>('/api/v1/dev/sms'), []);
  return (
    <Shell title={t('dev.title')}>
      <p>{t('dev.intro')}</p>
      <Button kind="secondary" onClick={() => inbox.reload()} busy={inbox.loading}>
        {t('dev.refresh')}
      </Button>
      {inbox.loading && !inbox.data ? <Loading /> : null}
      <ErrorAlert error={inbox.error} />
      {inbox.data && inbox.data.items.length === 0 ? <p>{t('dev.empty')}</p> : null}
      <ol className="inbox">
        {inbox.data?.items.map((sms) => (
          <li key={sms.id} className="card sms">
            <p className="meta">
              {t('dev.to', { to: sms.to })} · {formatTime(sms.at)}
            </p>
            <p>{linkify(sms.body)}</p>
          </li>
        ))}
      </ol>
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
