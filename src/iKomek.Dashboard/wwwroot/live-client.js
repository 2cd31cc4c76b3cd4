// The live-client page's script, in a file of its own: the panel's Content-Security-Policy runs no inline script.
const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/live").withAutomaticReconnect().build();
window.liveEvents = [];
connection.on("counters", c => {
    window.liveEvents.push({ type: "counters", data: c });
    document.getElementById("counters").textContent =
        `сегодня ${c.today} · в работе ${c.open} · просрочено ${c.overdue} · критических ${c.criticalToday}`;
});
connection.on("incident", i => {
    window.liveEvents.push({ type: "incident", data: i });
    const li = document.createElement("li");
    li.textContent = `${i.createdAt.substring(11, 16)} ${i.regNumber} ${i.serviceName} · ${i.district} · ${i.address ?? ""}`;
    document.getElementById("incidents").prepend(li);
});
connection.onreconnecting(() => document.getElementById("state").textContent = "reconnecting…");
connection.onreconnected(() => document.getElementById("state").textContent = "connected");
connection.start().then(() => document.getElementById("state").textContent = "connected");
