namespace IKomek.Dashboard.Features.CitySystems.Panels;

/// <summary>The change feed's kind for the city systems (sql/schema/0050): an intake batch, or an alert opened or closed.</summary>
public static class SystemsChanges
{
    public const string Kind = "systems";
}
