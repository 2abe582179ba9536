using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Join;

/// <summary>
/// What a phone downloads for the audience page arrives compressed, from a build as from a publish: the static
/// assets precompressed by the build, the page's HTML compressed per request. (The figures are in bench/, "pageweight".)
/// </summary>
public sealed class AudiencePageCompressionTests : IDisposable
{
    private readonly OpenHealthLiveFactory _factory = new();

    [Theory]
    [InlineData("/css/site.css", "br")]
    [InlineData("/css/site.css", "gzip")]
    [InlineData("/lib/signalr/signalr.min.js", "br")]
    [InlineData("/lib/signalr/signalr.min.js", "gzip")]
    [InlineData("/js/audience.js", "br")]
    public async Task A_static_asset_is_sent_really_compressed_in_the_encoding_the_phone_accepts(string path, string encoding)
    {
        using var client = _factory.CreatePlainClient();
        var original = await client.GetByteArrayAsync(path);

        var (sentEncoding, wire) = await GetAsync(client, path, encoding);

        Assert.Equal(encoding, sentEncoding);
        // Really compressed, not a stored stream with a Content-Encoding header (what the runtime-reload handler sends).
        Assert.True(wire.Length < original.Length / 2, $"{path} as {encoding}: {wire.Length:N0} bytes on the wire for {original.Length:N0}");
        Assert.Equal(original, Decode(wire, encoding));
    }

    [Theory]
    [InlineData("/js/audience.js", "js/audience.js")]
    [InlineData("/js/audience-qna.js", "js/audience-qna.js")]
    [InlineData("/css/site.css", "css/site.css")]
    public async Task The_sites_own_scripts_and_styles_are_served_minified_with_a_source_map_to_what_was_written(string path, string source)
    {
        using var client = _factory.CreatePlainClient();
        var assets = Path.Combine(RepositoryPaths.Root, "src", "OpenHealthLive.Web", "Assets");
        var written = await File.ReadAllTextAsync(Path.Combine(assets, source));
        // A style sheet's @import (site.css of slides.css) is inlined by the build: one request, and what was written
        // is the sheet and the sheets it imports.
        var imports = System.Text.RegularExpressions.Regex.Matches(written, "@import \"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var writtenLength = written.Length;
        foreach (var import in imports)
        {
            writtenLength += (await File.ReadAllTextAsync(Path.Combine(assets, Path.GetDirectoryName(source)!, import))).Length;
        }

        var served = await client.GetStringAsync(path);

        // Minified: no comment and no indented line left, and much smaller than what was written.
        Assert.DoesNotContain("\n  ", served, StringComparison.Ordinal);
        Assert.DoesNotContain("// ", served, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", served, StringComparison.Ordinal);
        Assert.True(served.Length < writtenLength * 4 / 5, $"{path}: {served.Length:N0} characters served for {writtenLength:N0} written");
        // The browser's developer tools find the readable file through the map the last line names.
        var mapName = Path.GetFileName(source) + ".map";
        Assert.EndsWith($"sourceMappingURL={mapName}", served.TrimEnd().TrimEnd('*', '/', ' '), StringComparison.Ordinal);
        using var map = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(path + ".map"));
        Assert.Contains(written, map.RootElement.GetProperty("sourcesContent").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(imports.Count + 1, map.RootElement.GetProperty("sourcesContent").GetArrayLength());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_audience_page_itself_is_compressed(string encoding)
    {
        using var client = _factory.CreatePlainClient();
        var (sentEncoding, wire) = await GetAsync(client, $"/j/{OpenHealthLiveFactory.DefaultCode}", encoding);

        Assert.Equal(encoding, sentEncoding);
        var html = System.Text.Encoding.UTF8.GetString(Decode(wire, encoding));
        Assert.Contains("id=\"audience\"", html, StringComparison.Ordinal);
        // Compressed well, not only quickly: every phone fetches it, on the venue's wifi (the fastest level left
        // 43 % of it with gzip, the default level 30 %).
        Assert.True(wire.Length < html.Length * 35 / 100, $"{wire.Length:N0} bytes on the wire for {html.Length:N0}");
    }

    [Fact]
    public async Task Other_pages_are_not_compressed_per_request()
    {
        using var client = _factory.CreatePlainClient();
        var (sentEncoding, _) = await GetAsync(client, "/presenter/sign-in", "gzip");

        Assert.Null(sentEncoding);
    }

    public void Dispose() => _factory.Dispose();

    private static async Task<(string? Encoding, byte[] Wire)> GetAsync(HttpClient client, string path, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Content.Headers.ContentEncoding.SingleOrDefault(), await response.Content.ReadAsByteArrayAsync());
    }

    private static byte[] Decode(byte[] wire, string encoding)
    {
        using Stream decoder = encoding == "br"
            ? new BrotliStream(new MemoryStream(wire), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(wire), CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
