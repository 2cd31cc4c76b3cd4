using IKomek.Dashboard.Platform.Audit;

namespace IKomek.Dashboard.Tests.Infrastructure;

/// <summary>The people tests act as, named as a signed-in page would name them.</summary>
public static class TestActors
{
    public static readonly Actor Operator = new("operator", "operator");
    public static readonly Actor Analyst = new("analyst", "analyst");
    public static readonly Actor Admin = new("admin", "admin");
}
