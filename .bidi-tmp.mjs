import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 400, height: 300 } });
await p.setContent(`<html dir="rtl" lang="ar"><body style="font:20px sans-serif">
<p>1 برقم جوالك \u2066+971 •••••4567\u2069 وكلمة</p>
<p>2 برقم جوالك <bdi dir="ltr">+971 •••••4567</bdi> وكلمة</p>
<p>3 برقم جوالك \u2066+44 7911 123456\u2069 وكلمة</p>
<p>4 برقم جوالك \u202a+44 7911 123456\u202c وكلمة</p>
<p>5 برقم جوالك +44 7911 123456 وكلمة</p>
</body></html>`);
await p.screenshot({ path: '/tmp/bidi/t.png' });
await b.close();
