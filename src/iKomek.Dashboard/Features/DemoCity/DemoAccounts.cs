namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>
/// The demo city's accounts, one per role that signs in, with passwords the README gives next to the demo API key.
/// They are demo passwords: on a city that is more than a demo, reset them with the <c>user-add</c> verb.
/// </summary>
public static class DemoAccounts
{
    public static readonly IReadOnlyDictionary<string, string> Passwords = new Dictionary<string, string>
    {
        ["admin"] = "demo-admin-109",
        ["analyst"] = "demo-analyst-109",
        ["operator"] = "demo-operator-109",
        ["akim"] = "demo-akim-109",
        ["deputy.utilities"] = "demo-deputy-109",
        // The head of the energy department (People.Users): sees the energy department's appeals one by one.
        ["head.energy"] = "demo-head-109",
        ["project.office"] = "demo-projects-109",
        ["planning.office"] = "demo-planning-109",
        ["knowledge.editor"] = "demo-knowledge-109",
    };

    /// <summary>The password hash a demo city's user starts with: null for the people who do not sign in.</summary>
    public static string? PasswordHashFor(string login) =>
        Passwords.TryGetValue(login, out var password) ? Accounts.PasswordHasher.Hash(password) : null;
}
