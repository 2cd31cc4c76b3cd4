using System.Runtime.CompilerServices;
using Bunit;

namespace IKomek.Dashboard.Tests.Components;

internal static class BunitSettings
{
    /// <summary>
    /// bUnit waits 1 s by default for a component to settle: on a loaded machine, with database-backed pages and the
    /// browser tests running beside them, the renderer may not even get to check in that time. A wait only lasts this
    /// long when the assertion keeps failing, so a passing test is as fast as before.
    /// </summary>
    [ModuleInitializer]
    internal static void WaitLongerOnABusyMachine() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(30);
}
