// Push on this device: the service worker (/notify-sw.js, scope /) is registered and the browser asked for its
// permission only when the person presses the button.

const worker = '/notify-sw.js';

export function state() {
    if (!window.isSecureContext || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
        return 'unsupported';
    }
    return Notification.permission; // 'default', 'granted' or 'denied'
}

export async function subscribe(publicKey) {
    if (state() === 'unsupported') return { error: 'unsupported' };
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') return { error: permission };
    try {
        const registration = await navigator.serviceWorker.register(worker, { scope: '/' });
        await navigator.serviceWorker.ready;
        const key = fromBase64Url(publicKey);
        let subscription = await registration.pushManager.getSubscription();
        // A subscription made with another key (the panel's keys were replaced) cannot be reused.
        if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
            await subscription.unsubscribe();
            subscription = null;
        }
        subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
        const json = subscription.toJSON();
        return { endpoint: json.endpoint, p256dh: json.keys.p256dh, auth: json.keys.auth, label: label() };
    } catch (e) {
        return { error: 'failed', message: String((e && e.message) || e) };
    }
}

function fromBase64Url(s) {
    const b = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - s.length % 4) % 4));
    return Uint8Array.from(b, c => c.charCodeAt(0));
}

function sameKey(buffer, key) {
    if (!buffer) return false;
    const a = new Uint8Array(buffer);
    return a.length === key.length && a.every((v, i) => v === key[i]);
}

// "Chrome · Windows": enough for the person to tell their devices apart, nothing more of the user agent is kept.
function label() {
    const ua = navigator.userAgent;
    const browser = /Edg\//.test(ua) ? 'Edge' : /OPR\/|Opera/.test(ua) ? 'Opera' : /YaBrowser/.test(ua) ? 'Yandex'
        : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : 'Browser';
    const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows'
        : /Mac OS/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '';
    return os ? `${browser} · ${os}` : browser;
}
