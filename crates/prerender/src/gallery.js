// The gallery's only script (static page, no wasm): addresses from before each advisor had
// a page of its own still open what they did, and an unknown advisor is named, not ignored.
//   ?advisor=<id>[&lang=en]  -> <id>/ (or <id>/en/), the fragment kept
//   #v2;<id>;… (a shared link at /, also v1) -> <id>/ with the fragment
//   ?lang=en                 -> en/
// The link's advisor is read as the engine's `state::advisor_id` reads it (the second
// `;`-field, percent-decoded; a link percent-encoded once more as a whole still counts). The
// advisor page then reads the whole link and says what it had to repair.
(() => {
  const known = __KNOWN__;
  const root = '__ROOT__';
  const pageLang = '__LANG__';
  const rawParam = (name) => {
    for (const pair of location.search.replace(/^\?/, '').split('&')) {
      const at = pair.indexOf('=');
      if (at > 0 && pair.slice(0, at) === name) return pair.slice(at + 1).trim().slice(0, 40);
    }
    return '';
  };
  const decode = (text) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const linkAdvisor = (hash) => {
    let text = hash.trim().replace(/^#/, '').trim();
    if (!text.includes(';') && text.toLowerCase().includes('%3b')) text = decode(text);
    const fields = text.split(';');
    if (fields.length < 2 || !/^[vV][0-9]+$/.test(fields[0])) return '';
    const id = decode(fields[1]);
    return id.trim() === '' ? '' : id;
  };
  const lang = rawParam('lang') === 'en' ? 'en' : rawParam('lang') === 'nl' ? 'nl' : pageLang;
  const id = rawParam('advisor') || linkAdvisor(location.hash);
  if (id !== '' && known.includes(id)) {
    location.replace(`${root}${id}/${lang === 'en' ? 'en/' : ''}${location.hash}`);
    return;
  }
  if (lang !== pageLang) {
    const rest = location.search.replace(/[?&]lang=[^&]*/, '').replace(/^&/, '?');
    location.replace(`${root}${lang === 'en' ? 'en/' : ''}${rest}${location.hash}`);
    return;
  }
  if (id !== '') {
    const notice = document.getElementById('unknown-advisor');
    notice.querySelector('p').textContent = notice.dataset.before + id + notice.dataset.after;
    notice.hidden = false;
  }
})();
