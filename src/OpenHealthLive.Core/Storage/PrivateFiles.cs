namespace OpenHealthLive.Core.Storage;

/// <summary>
/// Keeps the data directory to the service user alone on Unix: the folder 0700, each file 0600, so another
/// account on the machine (a shared lab PC, a web server's other sites) cannot read questions, votes or the
/// cookie keys. Files are created with their mode, never created open and tightened after. On Windows the
/// folder keeps the ACL it inherits; that is the operator's to set.
/// </summary>
public static class PrivateFiles
{
    /// <summary>rwx for the owner only.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw for the owner only.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> (and missing parents) if it does not exist; a folder it creates is 0700.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }
    }

    /// <summary>Creates an empty file with mode 0600 unless it exists already.</summary>
    public static void CreateFile(string path)
    {
        try
        {
            using var created = new FileStream(path, NewFile(System.IO.FileMode.CreateNew, FileAccess.Write));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Created by another thread or process in between: it is there, which is all that was asked.
        }
    }

    /// <summary>Writes <paramref name="contents"/> to a file that is 0600 from its first byte.</summary>
    public static void WriteAllText(string path, string contents)
    {
        using (var stream = new FileStream(path, NewFile(System.IO.FileMode.Create, FileAccess.Write)))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(contents);
        }

        // An existing file keeps its mode through FileMode.Create: tighten it.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }

    /// <summary>
    /// Tightens a data directory left readable by an older version or a loose umask: each of
    /// <paramref name="ownFiles"/> present in it becomes 0600, and the folder 0700 when it holds nothing but
    /// those (a folder an operator shares with other files, <c>/tmp</c> say, is not the app's to lock).
    /// </summary>
    /// <returns>What could not be tightened, in words for the log; empty when all is private.</returns>
    public static IReadOnlyList<string> Tighten(string directory, IReadOnlyCollection<string> ownFiles)
    {
        ArgumentNullException.ThrowIfNull(ownFiles);
        if (OperatingSystem.IsWindows() || !Directory.Exists(directory))
        {
            return [];
        }

        var problems = new List<string>();
        var others = new List<string>();
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (!ownFiles.Contains(entry.Name, StringComparer.Ordinal) || entry is not FileInfo || entry.LinkTarget is not null)
            {
                others.Add(entry.Name);
            }
            else if (entry.UnixFileMode != FileMode)
            {
                SetMode(entry.FullName, FileMode, problems);
            }
        }

        var mode = File.GetUnixFileMode(directory);
        if (others.Count > 0)
        {
            if ((mode & ~DirectoryMode) != 0)
            {
                problems.Add($"the folder {directory} is {Octal(mode)} and also holds {string.Join(", ", others.Take(5))}{(others.Count > 5 ? ", …" : "")}, so it is left as it is: give the app a folder of its own, or chmod 700 it");
            }
        }
        else if (mode != DirectoryMode)
        {
            SetMode(directory, DirectoryMode, problems);
        }

        return problems;
    }

    private static FileStreamOptions NewFile(System.IO.FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void SetMode(string path, UnixFileMode mode, List<string> problems)
    {
        try
        {
            File.SetUnixFileMode(path, mode);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            problems.Add($"{path} could not be made {Octal(mode)} ({e.Message}); its owner can chmod it");
        }
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);
}
