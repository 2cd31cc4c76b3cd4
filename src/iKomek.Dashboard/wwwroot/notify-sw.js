// The panel's service worker for Web Push: shows an alert's notification and opens its link in the panel on a click;
// the "Acknowledge" action opens the acknowledgement link. The payload is {title, body, url, ack, critical}.

const ackTitle = (self.navigator.language || 'ru').startsWith('kk') ? 'Растау'
    : (self.navigator.language || 'ru').startsWith('en') ? 'Acknowledge' : 'Подтвердить';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

self.addEventListener('push', event => {
    let data;
    try {
        data = event.data ? event.data.json() : {};
    } catch {
        data = { body: event.data ? event.data.text() : '' };
    }
    const options = {
        body: data.body || '',
        icon: '/favicon.svg',
        tag: data.url || undefined,
        renotify: !!data.critical,
        requireInteraction: !!data.critical,
        data: { url: data.url || '/', ack: data.ack || null },
        actions: data.ack && data.ack !== data.url ? [{ action: 'ack', title: ackTitle }] : [],
    };
    event.waitUntil(self.registration.showNotification(data.title || 'iKomek 109', options));
});

self.addEventListener('notificationclick', event => {
    event.notification.close();
    const data = event.notification.data || {};
    const target = new URL(event.action === 'ack' && data.ack ? data.ack : data.url || '/', self.location.origin).href;
    event.waitUntil((async () => {
        const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
        const open = windows.find(w => w.url === target);
        if (open) return open.focus();
        return self.clients.openWindow(target);
    })());
});
