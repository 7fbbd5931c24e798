using Xunit;

using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Sources;

/// <summary>FileOutput's promise: every file written, or every file as it was, whichever step fails.</summary>
public sealed class FileOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("amlrbac-fileoutput-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static AmlRbacException Failure(string path, Exception error) =>
        new(ErrorIds.OutFileNotWritten, FailureCategory.WriteError, $"'{path}': {error.Message}", path, error);

    [Fact]
    public void Both_files_are_written()
    {
        FileOutput.WriteAll(new[] { (PathOf("a.json"), "new a"), (PathOf("b.json"), "new b") }, Failure);

        Assert.Equal(("new a", "new b"), (File.ReadAllText(PathOf("a.json")), File.ReadAllText(PathOf("b.json"))));
        Assert.Equal(2, Directory.GetFiles(_folder).Length);
    }

    [Fact]
    public void When_the_second_rename_fails_the_first_file_gets_its_old_content_back()
    {
        File.WriteAllText(PathOf("a.json"), "old a");
        File.WriteAllText(PathOf("b.json"), "old b");
        var renames = 0;
        FileOutput.Rename failingSecond = (source, destination) =>
        {
            if (++renames == 2)
            {
                throw new IOException("disk full");
            }
            File.Move(source, destination, overwrite: true);
        };

        var error = Assert.Throws<AmlRbacException>(() =>
            FileOutput.WriteAll(new[] { (PathOf("a.json"), "new a"), (PathOf("b.json"), "new b") }, Failure, failingSecond));

        Assert.Equal(ErrorIds.OutFileNotWritten, error.ErrorId);
        Assert.Contains("b.json", error.Message);
        Assert.Equal(("old a", "old b"), (File.ReadAllText(PathOf("a.json")), File.ReadAllText(PathOf("b.json"))));
        Assert.Equal(new[] { "a.json", "b.json" }, Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void When_the_second_rename_fails_a_first_file_that_did_not_exist_is_removed()
    {
        var renames = 0;
        FileOutput.Rename failingSecond = (source, destination) =>
        {
            if (++renames == 2)
            {
                throw new UnauthorizedAccessException("read-only");
            }
            File.Move(source, destination, overwrite: true);
        };

        Assert.Throws<AmlRbacException>(() =>
            FileOutput.WriteAll(new[] { (PathOf("a.json"), "new a"), (PathOf("b.json"), "new b") }, Failure, failingSecond));

        Assert.Empty(Directory.GetFiles(_folder));
    }
}
