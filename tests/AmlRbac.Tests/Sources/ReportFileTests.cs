using Xunit;

using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Sources;

/// <summary>A report file is written whole, and an existing one is replaced only when asked (-Force, --force).</summary>
public sealed class ReportFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("amlrbac-reportfile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void A_new_file_is_written_in_UTF8_without_a_byte_order_mark()
    {
        ReportFile.Write(PathOf("report.html"), "<p>é</p>", replace: false, "--force");

        Assert.Equal(new byte[] { (byte)'<', (byte)'p', (byte)'>', 0xC3, 0xA9 }, File.ReadAllBytes(PathOf("report.html")).Take(5));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void An_existing_file_is_OutFileExists_naming_the_switch_and_stays_as_it_was()
    {
        File.WriteAllText(PathOf("report.html"), "evidence of last quarter");

        var error = Assert.Throws<AmlRbacException>(() => ReportFile.Write(PathOf("report.html"), "new", replace: false, "-Force"));

        Assert.Equal(ErrorIds.OutFileExists, error.ErrorId);
        Assert.Contains("-Force", error.Message);
        Assert.Contains("report.html", error.Message);
        Assert.Equal("evidence of last quarter", File.ReadAllText(PathOf("report.html")));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void An_existing_file_is_replaced_when_asked()
    {
        File.WriteAllText(PathOf("report.csv"), "old");

        ReportFile.Write(PathOf("report.csv"), "new", replace: true, "--force");

        Assert.Equal("new", File.ReadAllText(PathOf("report.csv")));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_folder_at_the_path_is_not_replaced()
    {
        Directory.CreateDirectory(PathOf("report.md"));

        var error = Assert.Throws<AmlRbacException>(() => ReportFile.Write(PathOf("report.md"), "new", replace: false, "--force"));

        Assert.Equal(ErrorIds.OutFileExists, error.ErrorId);
        Assert.True(Directory.Exists(PathOf("report.md")));
    }

    [Fact]
    public void A_missing_folder_is_OutFileNotWritten_and_writes_nothing()
    {
        var error = Assert.Throws<AmlRbacException>(() => ReportFile.Write(PathOf(Path.Combine("missing", "report.html")), "new", replace: true, "--force"));

        Assert.Equal(ErrorIds.OutFileNotWritten, error.ErrorId);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void Check_finds_an_existing_file_and_a_missing_folder_before_anything_is_made()
    {
        File.WriteAllText(PathOf("report.html"), "old");

        Assert.Equal(ErrorIds.OutFileExists, Assert.Throws<AmlRbacException>(() => ReportFile.Check(PathOf("report.html"), replace: false, "--force")).ErrorId);
        ReportFile.Check(PathOf("report.html"), replace: true, "--force");
        ReportFile.Check(PathOf("new.html"), replace: false, "--force");
        Assert.Equal(ErrorIds.OutFileNotWritten,
            Assert.Throws<AmlRbacException>(() => ReportFile.Check(PathOf(Path.Combine("missing", "new.html")), replace: true, "--force")).ErrorId);
        Assert.Equal("old", File.ReadAllText(PathOf("report.html")));
    }
}
