using System.Diagnostics;
using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.ScaleOut;

/// <summary>
/// Debian's nginx in front of two nodes, with the configuration printed in <c>docs/deploy.md</c> — read from
/// that file, so the guide is what is tested — and a self-signed certificate made for the test.
/// </summary>
public sealed partial class NginxServer : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/nginx";
    private static readonly string[] TempPaths = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"];
    private readonly string _directory = Directory.CreateTempSubdirectory("ohl-nginx-").FullName;
    private Process? _process;

    public static bool IsInstalled => File.Exists(Binary);

    public int HttpPort { get; } = ServerProcess.FreePort();

    public int HttpsPort { get; } = ServerProcess.FreePort();

    public Uri BaseUrl => new($"https://127.0.0.1:{HttpsPort}/");

    /// <summary>The certificate's SHA-1 hash: the only one the test's clients accept.</summary>
    public string CertificateHash { get; private set; } = "";

    /// <summary>Accepts this server's certificate, and no other.</summary>
    public RemoteCertificateValidationCallback ValidateCertificate =>
        (_, certificate, _, _) => string.Equals(certificate?.GetCertHashString(), CertificateHash, StringComparison.OrdinalIgnoreCase);

    public async Task StartAsync(int nodeA, int nodeB)
    {
        var certificate = Path.Combine(_directory, "cert.pem");
        var key = Path.Combine(_directory, "key.pem");
        await ServerProcess.RunAsync("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", key, "-out", certificate, "-days", "2");
        using (var loaded = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(certificate)))
        {
            CertificateHash = loaded.GetCertHashString();
        }

        var site = Substitute(DeployGuideConfiguration(), new()
        {
            ["listen 80;"] = $"listen 127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)};",
            ["listen 443 ssl http2;"] = $"listen 127.0.0.1:{HttpsPort.ToString(CultureInfo.InvariantCulture)} ssl http2;",
            ["server 127.0.0.1:5001 "] = $"server 127.0.0.1:{nodeA.ToString(CultureInfo.InvariantCulture)} ",
            ["server 127.0.0.1:5002 "] = $"server 127.0.0.1:{nodeB.ToString(CultureInfo.InvariantCulture)} ",
            ["/etc/ssl/openhealthlive/fullchain.pem"] = certificate,
            ["/etc/ssl/openhealthlive/privkey.pem"] = key,
        });
        await File.WriteAllTextAsync(Path.Combine(_directory, "openhealthlive.conf"), site);

        // nginx.conf's own part, as Debian's /etc/nginx/nginx.conf provides it, with every path in the test's folder.
        var temp = string.Join(' ', TempPaths.Select(t => $"{t}_temp_path {_directory}/{t};"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "nginx.conf"), $$"""
            daemon off;
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            pid {{_directory}}/nginx.pid;
            error_log {{_directory}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                {{temp}}
                include {{_directory}}/openhealthlive.conf;
            }
            """);

        string[] arguments = ["-p", _directory, "-c", Path.Combine(_directory, "nginx.conf"), "-e", Path.Combine(_directory, "error.log")];
        await ServerProcess.RunAsync(Binary, ["-t", .. arguments]);
        _process = await ServerProcess.StartAsync(HttpsPort, Binary, arguments);
    }

    /// <summary>The first <c>nginx</c> block of docs/deploy.md.</summary>
    public static string DeployGuideConfiguration()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "deploy.md"));
        var block = NginxBlock().Match(guide);
        return block.Success ? block.Groups["config"].Value : throw new InvalidOperationException("docs/deploy.md has no ```nginx block.");
    }

    private static string Substitute(string text, Dictionary<string, string> replacements)
    {
        foreach (var (from, to) in replacements)
        {
            if (!text.Contains(from, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"docs/deploy.md's nginx configuration no longer contains '{from}'; update the guide or this test.");
            }

            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [GeneratedRegex(@"```nginx\n(?<config>.*?)```", RegexOptions.Singleline)]
    private static partial Regex NginxBlock();
}
