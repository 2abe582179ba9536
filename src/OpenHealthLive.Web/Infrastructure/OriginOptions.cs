using System.ComponentModel.DataAnnotations;

namespace OpenHealthLive.Web.Infrastructure;

/// <summary>
/// Origins besides the site's own whose pages may use the hub and post forms (section <c>Security</c>), for
/// example the address phones use when the server also answers under another name. <c>PublicAddress:BaseUrl</c>
/// is allowed without being listed.
/// </summary>
public sealed class OriginOptions : IValidatableObject
{
    public const string SectionName = "Security";

    /// <summary>Origins as <c>scheme://host[:port]</c>, for example <c>https://live.example.org</c>; no path, no wildcard.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in AllowedOrigins)
        {
            if (OriginCheck.Key(origin) is null)
            {
                yield return new ValidationResult(
                    $"Security:AllowedOrigins: '{origin}' is not an origin. Write scheme://host[:port] with http or https and nothing after it, for example https://live.example.org.",
                    [nameof(AllowedOrigins)]);
            }
        }
    }
}
