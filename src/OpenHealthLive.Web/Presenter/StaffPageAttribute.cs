namespace OpenHealthLive.Web.Presenter;

/// <summary>
/// Marks a staff page (or one of its handlers) with the right it needs on the session in its <c>{code}</c> route
/// value; <see cref="StaffPageFilter"/> answers 403 to anyone without it, whatever the page itself shows.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class StaffPageAttribute(StaffRight right) : Attribute
{
    /// <summary>The right the page needs.</summary>
    public StaffRight Right { get; } = right;
}
