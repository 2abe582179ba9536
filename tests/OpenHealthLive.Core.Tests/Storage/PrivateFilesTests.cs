using OpenHealthLive.Core.Storage;
using OpenHealthLive.Core.Tests.Infrastructure;

namespace OpenHealthLive.Core.Tests.Storage;

public sealed class PrivateFilesTests : IDisposable
{
    private const UnixFileMode Open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode OpenDirectory = PrivateFiles.DirectoryMode | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_folder_shared_with_other_files_keeps_its_mode_but_the_apps_own_files_are_tightened_and_the_folder_is_reported()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var own = _temp.WriteFile("openhealthlive.db", "");
        var other = _temp.WriteFile("someone-elses.txt", "");
        File.SetUnixFileMode(own, Open);
        File.SetUnixFileMode(other, Open);
        File.SetUnixFileMode(_temp.FullPath, OpenDirectory);

        var problems = PrivateFiles.Tighten(_temp.FullPath, SqliteStorage.FileNames.ToList());

        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(own));
        Assert.Equal(Open, File.GetUnixFileMode(other));
        Assert.Equal(OpenDirectory, File.GetUnixFileMode(_temp.FullPath));
        var problem = Assert.Single(problems);
        Assert.Contains("someone-elses.txt", problem, StringComparison.Ordinal);
        Assert.Contains("0755", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_written_over_an_open_one_is_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = _temp.WriteFile("presenter-key.sha256", "old");
        File.SetUnixFileMode(path, Open);

        PrivateFiles.WriteAllText(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(path));
    }
}
