namespace OpenHealthLive.Web.Live;

/// <summary>
/// Marks a hub method the audience may call. Every other hub method is presenter-only: a new method is
/// safe by default, and <see cref="StaffHubFilter"/> enforces it at every call.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AllowAudienceAttribute : Attribute;
