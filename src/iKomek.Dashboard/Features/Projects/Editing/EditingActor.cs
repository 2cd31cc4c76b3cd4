using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;

namespace IKomek.Dashboard.Features.Projects.Editing;

/// <summary>The check every editing handler makes before it writes: the circuit's current user may edit projects.</summary>
public static class EditingActor
{
    /// <summary>The acting project office member (login, role, address), or null when the reader may not edit projects.</summary>
    public static async Task<Actor?> OfAsync(CityAccess access, ReaderAddress address)
    {
        var user = await access.UserAsync();
        return user.May(CityAction.EditProjects) ? Actor.Of(user, address.Value) : null;
    }
}
