using Microsoft.Extensions.Options;
using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Archive;

/// <summary>How often one address may download a public archive (<see cref="ArchiveOptions.PublicDownloadsPerMinute"/>).</summary>
internal sealed class ArchiveLimits(IOptions<ArchiveOptions> options, TimeProvider time)
{
    private readonly TokenBuckets _downloads = new(options.Value.PublicDownloadsPerMinute, TimeSpan.FromMinutes(1), time);

    /// <summary>Takes a download from <paramref name="address"/>'s allowance; false, with the wait, when it is spent.</summary>
    public bool TryTake(string address, out TimeSpan retryAfter) => _downloads.TryTake(address, out retryAfter);
}
