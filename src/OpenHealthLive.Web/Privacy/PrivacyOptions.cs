using System.ComponentModel.DataAnnotations;

namespace OpenHealthLive.Web.Privacy;

/// <summary>
/// What the privacy notice says and how long the audience's data is kept (section <c>Privacy</c>; docs/privacy.md).
/// Without a controller the notices say plainly that none has been named.
/// </summary>
public sealed class PrivacyOptions : IValidatableObject
{
    public const string SectionName = "Privacy";

    /// <summary>The data controller: the organisation responsible for the audience's data (a trust, a university, a society).</summary>
    [StringLength(200, ErrorMessage = "Privacy:Controller has at most 200 characters.")]
    public string? Controller { get; set; }

    /// <summary>Where the audience asks about its data: the controller's data-protection officer, for example.</summary>
    [EmailAddress(ErrorMessage = "Privacy:ContactEmail is not an e-mail address.")]
    [StringLength(254, ErrorMessage = "Privacy:ContactEmail has at most 254 characters.")]
    public string? ContactEmail { get; set; }

    /// <summary>A page with the controller's own privacy notice or contact form (http or https).</summary>
    [StringLength(500, ErrorMessage = "Privacy:ContactUrl has at most 500 characters.")]
    public string? ContactUrl { get; set; }

    /// <summary>Days after a talk ends before everything its audience sent is deleted.</summary>
    [Range(1, 3650, ErrorMessage = "Privacy:RetentionDays is a number of days from 1 to 3650.")]
    public int RetentionDays { get; set; } = 30;

    /// <summary>A talk whose slides have not moved for this many days is ended automatically (and deleted RetentionDays later).</summary>
    [Range(1, 3650, ErrorMessage = "Privacy:EndIdleTalksAfterDays is a number of days from 1 to 3650.")]
    public int EndIdleTalksAfterDays { get; set; } = 7;

    /// <summary>How often the server looks for data whose time is up.</summary>
    [Range(1, 86_400, ErrorMessage = "Privacy:RetentionCheckSeconds is from 1 to 86400.")]
    public int RetentionCheckSeconds { get; set; } = 3600;

    /// <summary>True when the operator has named a data controller.</summary>
    public bool HasController => !string.IsNullOrWhiteSpace(Controller);

    /// <summary>True when there is an e-mail address or a page to ask at.</summary>
    public bool HasContact => !string.IsNullOrWhiteSpace(ContactEmail) || !string.IsNullOrWhiteSpace(ContactUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ContactUrl)
            && !(Uri.TryCreate(ContactUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
        {
            yield return new ValidationResult("Privacy:ContactUrl must be a full http:// or https:// address.", [nameof(ContactUrl)]);
        }
    }
}
