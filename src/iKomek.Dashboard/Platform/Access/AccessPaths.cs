
namespace IKomek.Dashboard.Platform.Access;

/// <summary>Where signing in and out happen: the sign-in gate and the user menu link there, the Accounts feature serves them.</summary>
public static class AccessPaths
{
    public const string SignIn = "/account/signin";
    public const string SignOut = "/account/signout";
}
