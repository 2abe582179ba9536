using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// Marks a hub method staff may call, with the permission it needs on the session named by its <c>code</c>
/// argument (<see cref="StaffMember.Can(StaffRight, string?)"/>). A method with neither this nor <see cref="AllowAudienceAttribute"/> is
/// the organiser's alone: a new method is safe by default. <see cref="StaffHubFilter"/> checks it at every call.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class StaffAttribute(StaffRight permission) : Attribute
{
    /// <summary>The permission the method needs.</summary>
    public StaffRight Permission { get; } = permission;
}
