using System.ComponentModel.DataAnnotations;

namespace OpenHealthLive.Web.Polls;

/// <summary>Poll settings (section <c>Polls</c>).</summary>
public sealed class PollsOptions
{
    public const string SectionName = "Polls";

    /// <summary>Licence of exported poll results (open data), written into every export.</summary>
    [Required]
    public string DataLicence { get; set; } = "CC-BY-4.0";
}
