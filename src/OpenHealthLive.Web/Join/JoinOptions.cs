using System.ComponentModel.DataAnnotations;
using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Join;

/// <summary>How the audience joins the start-up session (section <c>Join</c>).</summary>
public sealed class JoinOptions
{
    public const string SectionName = "Join";

    /// <summary>The keys' names before they had a section of their own (until issue 22, under <c>Live</c>).</summary>
    public static IReadOnlyList<RenamedSetting> Renamed { get; } =
    [
        new("Live:DefaultSessionCode", "Join:DefaultSessionCode"),
    ];

    /// <summary>Join code of the start-up session; generated once and kept when unset.</summary>
    [RegularExpression("^[A-HJ-KM-NP-Za-hj-km-np-z2-9]{6}$", ErrorMessage = "Join:DefaultSessionCode has 6 characters from A-Z and 2-9, without I, L, O.")]
    public string? DefaultSessionCode { get; set; }
}
