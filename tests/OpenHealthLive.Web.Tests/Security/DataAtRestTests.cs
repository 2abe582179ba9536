using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Data.Sqlite;
using OpenHealthLive.Web.Tests.Infrastructure;
using OpenHealthLive.Web.Tests.Questions;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// What someone with a shell on the presenting laptop or server, or a copy of its disk, can read: the data
/// directory is the service user's alone, a deleted question is gone from the files, and the cookie keys can
/// be encrypted with the operator's certificate.
/// </summary>
public sealed class DataAtRestTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly string _parent = Directory.CreateTempSubdirectory("ohl-at-rest-").FullName;

    private string DataDirectory => Path.Combine(_parent, "App_Data");

    [Fact]
    public async Task A_new_data_directory_and_every_file_in_it_are_readable_by_the_service_user_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var factory = new OpenHealthLiveFactory(DataDirectory);
        factory.Settings["Presenter:Key"] = null; // generated, so its hash is written to the data directory
        await using (var phone = await QnaClient.PhoneAsync(factory))
        {
            await phone.AskAsync("Is the data directory private?");
            // SQLite deletes -wal and -shm when the last connection closes, and other tests clear the (process-wide)
            // connection pools at any time: a connection of the test's own keeps both files there while they are looked at.
            await using var holder = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "openhealthlive.db")};Pooling=False");
            await holder.OpenAsync();
            await using (var read = holder.CreateCommand())
            {
                read.CommandText = "SELECT COUNT(*) FROM Questions";
                Assert.Equal(1L, await read.ExecuteScalarAsync());
            }

            AssertOwnerOnly(DataDirectory, "after a start and a write", "openhealthlive.db", "openhealthlive.db-wal", "openhealthlive.db-shm", "presenter-key.sha256");
        }
    }

    [Fact]
    public async Task A_data_directory_left_readable_by_an_older_version_is_tightened_at_start_up()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using (var first = new OpenHealthLiveFactory(DataDirectory))
        {
            first.Settings["Presenter:Key"] = null;
            await using var phone = await QnaClient.PhoneAsync(first);
            await phone.AskAsync("Written by the older version");
        }

        // As an older version (or a default umask) left it: the folder and its files readable by everyone.
        SqliteConnection.ClearAllPools();
        File.SetUnixFileMode(DataDirectory, OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        foreach (var file in Directory.GetFiles(DataDirectory))
        {
            File.SetUnixFileMode(file, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        using var second = new OpenHealthLiveFactory(DataDirectory);
        second.Settings["Presenter:Key"] = null;
        using var client = second.CreatePlainClient();
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        AssertOwnerOnly(DataDirectory, "after a start over an older version's files", "openhealthlive.db", "presenter-key.sha256");
    }

    [Fact]
    public async Task A_question_the_presenter_deletes_leaves_no_trace_in_the_database_files()
    {
        using var factory = new OpenHealthLiveFactory(DataDirectory);
        await using var presenter = await QnaClient.PresenterAsync(factory);
        await using var phone = await QnaClient.PhoneAsync(factory);
        var marker = "Ward7Marker" + Guid.NewGuid().ToString("N");

        var asked = await phone.AskAsync($"Bed 4 in ward 7, {marker}, should she get the trial drug?");
        // The test can see the text in the files, so it would see it if it stayed.
        Assert.NotEmpty(await WaitForFilesAsync(marker, present: true));

        await presenter.ModerateAsync(asked.QuestionId, "delete");

        var holding = await WaitForFilesAsync(marker, present: false);
        Assert.True(holding.Count == 0, $"The deleted question's text is still in {string.Join(", ", holding)}.");
    }

    [Theory]
    [InlineData("pfx")]
    [InlineData("pem")]
    public async Task With_a_key_certificate_the_cookie_keys_are_stored_encrypted_and_sign_ins_survive_a_restart(string format)
    {
        var settings = WriteCertificate(format);
        string cookie;
        using (var first = new OpenHealthLiveFactory(DataDirectory))
        {
            foreach (var (key, value) in settings)
            {
                first.Settings[key] = value;
            }

            cookie = await first.SignInAsync();
        }

        // Someone who copies the database file finds no key they could sign a presenter cookie with.
        var keys = ReadProtectionKeys();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
        });

        // The same certificate reads the keys back: the presenter stays signed in across a restart.
        using var second = new OpenHealthLiveFactory(DataDirectory);
        foreach (var (key, value) in settings)
        {
            second.Settings[key] = value;
        }

        using var client = second.CreatePlainClient();
        using var console = new HttpRequestMessage(HttpMethod.Get, "/presenter");
        console.Headers.Add("Cookie", cookie);
        using var page = await client.SendAsync(console);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_new_key_certificate_signs_everyone_out_and_the_site_keeps_working()
    {
        string cookie;
        using (var first = new OpenHealthLiveFactory(DataDirectory))
        {
            foreach (var (key, value) in WriteCertificate("pfx", "old"))
            {
                first.Settings[key] = value;
            }

            cookie = await first.SignInAsync();
        }

        // The old certificate is gone (rotated, or lost): the keys it encrypted cannot be read any more.
        using var second = new OpenHealthLiveFactory(DataDirectory);
        foreach (var (key, value) in WriteCertificate("pfx", "new"))
        {
            second.Settings[key] = value;
        }

        using var client = second.CreatePlainClient();
        using var console = new HttpRequestMessage(HttpMethod.Get, "/presenter");
        console.Headers.Add("Cookie", cookie);
        using (var page = await client.SendAsync(console))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        }

        var fresh = await second.SignInAsync();
        using var again = new HttpRequestMessage(HttpMethod.Get, "/presenter");
        again.Headers.Add("Cookie", fresh);
        using (var page = await client.SendAsync(again))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        Assert.All(ReadProtectionKeys(), xml => Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_certificate_that_cannot_be_read_stops_the_start_saying_which_setting()
    {
        using var factory = new OpenHealthLiveFactory(DataDirectory);
        factory.Settings["Storage:KeyCertificatePath"] = Path.Combine(_parent, "missing.pfx");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Storage:KeyCertificatePath", error.ToString(), StringComparison.Ordinal);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void AssertOwnerOnly(string directory, string when, params string[] expectedFiles)
    {
        var problems = new List<string>();
        var directoryMode = File.GetUnixFileMode(directory);
        if (directoryMode != OwnerOnlyDirectory)
        {
            problems.Add($"the folder is {Octal(directoryMode)}");
        }

        var files = Directory.GetFiles(directory).Select(Path.GetFileName).ToList();
        Assert.All(expectedFiles, expected => Assert.Contains(expected, files));
        foreach (var file in Directory.GetFiles(directory))
        {
            var mode = File.GetUnixFileMode(file);
            if (mode != OwnerOnlyFile)
            {
                problems.Add($"{Path.GetFileName(file)} is {Octal(mode)}");
            }
        }

        Assert.True(problems.Count == 0, $"{when}: {string.Join("; ", problems)} (expected 0700 for the folder, 0600 for each file)");
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);

    /// <summary>Waits (at most 10 s) until the database files do (or no longer do) contain <paramref name="text"/>; returns the files that do.</summary>
    private async Task<List<string>> WaitForFilesAsync(string text, bool present)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var holding = new List<string>();
            foreach (var name in new[] { "openhealthlive.db", "openhealthlive.db-wal", "openhealthlive.db-shm" })
            {
                var path = Path.Combine(DataDirectory, name);
                if (File.Exists(path) && (await ReadSharedAsync(path)).AsSpan().IndexOf(needle) >= 0)
                {
                    holding.Add(name);
                }
            }

            if (holding.Count > 0 == present || timeout.IsCancellationRequested)
            {
                return holding;
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>Reads a file the running app has open, as another process on the machine could.</summary>
    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private List<string> ReadProtectionKeys()
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(DataDirectory, "openhealthlive.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Xml FROM ProtectionKeys";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>A self-signed RSA certificate with its private key, as a password-protected PFX or as two PEM files.</summary>
    private Dictionary<string, string?> WriteCertificate(string format, string name = "keys")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=OpenHealthLive key encryption (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        if (format == "pfx")
        {
            var path = Path.Combine(_parent, name + ".pfx");
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "pfx-password"));
            return new() { ["Storage:KeyCertificatePath"] = path, ["Storage:KeyCertificatePassword"] = "pfx-password" };
        }

        var certificatePath = Path.Combine(_parent, name + ".crt.pem");
        var keyPath = Path.Combine(_parent, name + ".key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return new() { ["Storage:KeyCertificatePath"] = certificatePath, ["Storage:KeyCertificateKeyPath"] = keyPath };
    }

    public void Dispose() => OpenHealthLiveFactory.DeleteDataDirectory(_parent);
}
