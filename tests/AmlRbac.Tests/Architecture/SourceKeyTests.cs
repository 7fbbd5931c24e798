using System.Text.RegularExpressions;
using Xunit;

using AmlRbac.Tests.Sources;

namespace AmlRbac.Tests.Architecture;

/// <summary>
/// Facts about Azure in src/ cite public sources: every [KEY] a comment or message uses is a row of docs/SOURCES.md,
/// each row points at an https page, and no file points at notes or seeds outside the repository (notes.md,
/// ../shared, shared/seeds). The embedded data (the catalog and the built-in policy definitions) reaches users in
/// "source", "notes" and "evidence" strings, so it names no seed, note or reference file at all. A failure names the
/// file, the line and the key. The specimen tests feed the same checks made-up text, so each check is seen to fail.
/// </summary>
public sealed class SourceKeyTests
{
    private static readonly Lazy<IReadOnlyList<SourceRow>> Table = new(() =>
        SourceKeys.ReadTable(File.ReadAllLines(Path.Combine(TestFiles.RepositoryRoot, "docs", "SOURCES.md"))));

    private static readonly Lazy<IReadOnlyList<SourceFile>> Src = new(() => SourceKeys.ReadSources(TestFiles.RepositoryRoot));

    private static readonly Lazy<IReadOnlyList<SourceFile>> Data = new(() => SourceKeys.ReadData(TestFiles.RepositoryRoot));

    [Fact]
    public void Every_key_used_in_src_is_a_row_of_the_table()
    {
        var unknown = SourceKeys.UnknownKeys(Src.Value, Table.Value.Select(r => r.Key));

        Assert.True(unknown.Count == 0,
            $"Key(s) not in docs/SOURCES.md (add a row with the public page):{Environment.NewLine}{string.Join(Environment.NewLine, unknown)}");
    }

    [Fact]
    public void Every_row_of_the_table_is_one_key_with_an_https_url()
    {
        Assert.NotEmpty(Table.Value);

        var wrong = SourceKeys.BadRows(Table.Value);

        Assert.True(wrong.Count == 0, $"docs/SOURCES.md:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
    }

    [Fact]
    public void No_message_in_src_cites_a_key_users_cannot_look_up()
    {
        var keyed = SourceKeys.KeysInStrings(Src.Value);

        Assert.True(keyed.Count == 0,
            $"Cite the public page in user-facing text (AmlRbac.Model.PublicSource), not a key:{Environment.NewLine}{string.Join(Environment.NewLine, keyed)}");
    }

    [Fact]
    public void Every_public_source_users_read_is_the_page_of_its_key()
    {
        var text = File.ReadAllLines(Path.Combine(TestFiles.RepositoryRoot, "src", "AmlRbac", "Model", "PublicSource.cs"));
        // The [KEY] comment on the line above each constant.
        var keys = text.Select((line, i) => (line, i))
            .Where(l => l.line.TrimStart().StartsWith("public const string ", StringComparison.Ordinal))
            .ToDictionary(l => l.line.Trim()["public const string ".Length..].Split(' ')[0],
                l => l.i > 0 && text[l.i - 1].Trim() is var above && above.StartsWith("// [", StringComparison.Ordinal) ? above[3..] : null);
        var constants = typeof(AmlRbac.Model.PublicSource).GetFields()
            .Select(f => (f.Name, Value: (string)f.GetRawConstantValue()!, Key: keys.GetValueOrDefault(f.Name)))
            .ToList();

        Assert.NotEmpty(constants);
        var wrong = SourceKeys.PublicSourceMismatches(constants, Table.Value);
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Specimen_a_key_in_a_message_is_reported_and_one_in_a_comment_is_not()
    {
        var file = new SourceFile("src/Specimen.cs",
            "// a comment citing [RULE]\n" +
            "throw new X($\"bad {x} [RULE].\"); // [RULE]\n");

        Assert.Equal(new[] { "src/Specimen.cs:2 [RULE]" }, SourceKeys.KeysInStrings(new[] { file }));
    }

    [Fact]
    public void Specimen_a_public_source_citing_another_page_than_its_key_is_reported()
    {
        var rows = new[] { new SourceRow("[RULE]", "Policy rule", "https://learn.microsoft.com/rule") };

        var wrong = SourceKeys.PublicSourceMismatches(new (string, string, string?)[]
        {
            ("Right", "(Policy rule: https://learn.microsoft.com/rule)", "[RULE]"),
            ("Wrong", "(Policy rule: https://learn.microsoft.com/other)", "[RULE]"),
            ("Unkeyed", "(x)", null),
        }, rows);

        Assert.Equal(new[]
        {
            "Wrong: cites '(Policy rule: https://learn.microsoft.com/other)', but [RULE] is https://learn.microsoft.com/rule",
            "Unkeyed: no [KEY] comment naming a row of docs/SOURCES.md",
        }, wrong);
    }

    [Fact]
    public void No_file_in_src_points_at_files_outside_the_repository()
    {
        var outside = SourceKeys.OutsideReferences(Src.Value);

        Assert.True(outside.Count == 0,
            $"Cite the public source instead (docs/SOURCES.md):{Environment.NewLine}{string.Join(Environment.NewLine, outside)}");
    }

    [Fact]
    public void No_embedded_data_file_names_a_seed_a_note_or_a_reference_file()
    {
        var named = SourceKeys.DataReferences(Data.Value);

        Assert.True(named.Count == 0,
            $"Name the public page instead (docs/SOURCES.md gives the URLs):{Environment.NewLine}{string.Join(Environment.NewLine, named)}");
    }

    [Fact]
    public void The_data_read_is_the_catalog_and_the_policy_definitions()
    {
        // Guards the test above against reading nothing: both folders of embedded data, JSON and TSV.
        Assert.Contains(Data.Value, f => f.Path == "src/AmlRbac/Catalog/Data/activities.json");
        Assert.Contains(Data.Value, f => f.Path == "src/AmlRbac/Catalog/Data/operations.tsv");
        Assert.Contains(Data.Value, f => f.Path == "src/AmlRbac/Sources/PolicyData/ml-registry-deployments-allowed-registry.json");
    }

    [Fact]
    public void The_sources_read_are_the_engine_and_front_ends()
    {
        // Guards the three tests above against reading nothing: src holds the engine, the cmdlets and the CLI.
        Assert.Contains(Src.Value, f => f.Path == "src/AmlRbac/Policy/RuleEvaluator.cs");
        Assert.Contains(Src.Value, f => f.Path.StartsWith("src/AmlRbac.PowerShell/", StringComparison.Ordinal));
        Assert.Contains(Src.Value, f => f.Path.StartsWith("src/AmlRbac.Cli/", StringComparison.Ordinal));
        Assert.DoesNotContain(Src.Value, f => f.Path.Contains("/obj/", StringComparison.Ordinal) || f.Path.Contains("/bin/", StringComparison.Ordinal));
    }

    [Fact]
    public void Specimen_an_unknown_key_in_a_comment_or_message_is_reported_with_file_and_line_and_one_in_code_is_not()
    {
        var file = new SourceFile("src/Specimen.cs",
            "/// <summary>Known [RULE].</summary>\n" +
            "var url = \"https://example.com/\"; var code = values[CODE]; // trailing [TRAILING]\n" +
            "/* block\n   [BLOCK] */\n" +
            "throw new X(\"message citing [MESSAGE]\", '\"', @\"verbatim \"\"[VERBATIM]\"\"\");\n");

        var unknown = SourceKeys.UnknownKeys(new[] { file }, new[] { "[RULE]" });

        Assert.Equal(
            new[]
            {
                "src/Specimen.cs:2 [TRAILING]",
                "src/Specimen.cs:4 [BLOCK]",
                "src/Specimen.cs:5 [MESSAGE]",
                "src/Specimen.cs:5 [VERBATIM]",
            },
            unknown);
    }

    [Fact]
    public void Specimen_a_row_without_an_https_url_or_with_a_bad_key_is_reported()
    {
        var table = SourceKeys.ReadTable(new[]
        {
            "# Sources",
            "| key | title | URL | used for |",
            "|---|---|---|---|",
            "| [GOOD] | A page | https://learn.microsoft.com/azure/x | x |",
            "| [PLAIN] | A page | http://learn.microsoft.com/azure/y | y |",
            "| [LOCAL] | A note | ../shared/reference/notes.md | z |",
            "| GOOD | No brackets | https://learn.microsoft.com/azure/z | z |",
            "| [GOOD] | Twice | https://learn.microsoft.com/azure/x | x |",
            "",
            "| [AFTER] | not part of the table | http://x | x |",
        });

        Assert.Equal(5, table.Count);
        Assert.Equal(
            new[]
            {
                "[PLAIN]: URL 'http://learn.microsoft.com/azure/y' is not https",
                "[LOCAL]: URL '../shared/reference/notes.md' is not https",
                "GOOD: the key is not written [KEY]",
                "[GOOD]: the key has more than one row",
            },
            SourceKeys.BadRows(table));
    }

    [Fact]
    public void Specimen_a_pointer_at_notes_or_seeds_is_reported_with_file_and_line()
    {
        var files = new[]
        {
            new SourceFile("src/A.cs", "// fine [RULE]\n// see policy/NOTES.md (c)\n"),
            new SourceFile("src/B.cs", "var x = 1;\n\n// copied from ../shared/reference/ml-operations.tsv\n"),
            new SourceFile("src/C.cs", "const string S = \"blog (shared/seeds/002_79bab8155f463608.txt)\";\n"),
        };

        Assert.Equal(
            new[] { "src/A.cs:2 notes.md", "src/B.cs:3 ../shared", "src/C.cs:1 shared/seeds" },
            SourceKeys.OutsideReferences(files));
    }

    [Fact]
    public void Specimen_a_seed_a_note_or_a_reference_file_in_data_is_reported_with_file_and_line()
    {
        var files = new[]
        {
            new SourceFile("src/a.json", "// Source: seed 001_d2a5e7216ac9b403.txt\n[{ \"source\": \"https://learn.microsoft.com/azure/x\" }]\n"),
            new SourceFile("src/b.json", "{ \"notes\": \"See NOTES.md (b)\",\n  \"evidence\": \"Seed 000 slide 'Custom Roles'\" }\n"),
            new SourceFile("src/c.json", "{ \"source\": \"shared/reference/policy/definitions\", \"x\": \"ml-operations.tsv\" }\n"),
            new SourceFile("src/d.json", "{ \"id\": \"003_1DEC96969C78D65B\", \"seed\": 10012, \"guid\": \"0007_d2a5e7216ac9b403\" }\n"),
            new SourceFile("src/e.json", "{ \"scope\": \"/resourceGroups/rg-ml-prod-shared/providers\", \"from\": \"../shared/seeds\" }\n"),
        };

        Assert.Equal(
            new[]
            {
                "src/a.json:1 001_d2a5e7216ac9b403",
                "src/b.json:1 NOTES.md",
                "src/b.json:2 Seed 000",
                "src/c.json:1 shared/",
                "src/c.json:1 ml-operations.tsv",
                "src/d.json:1 003_1DEC96969C78D65B",
                "src/e.json:1 shared/",
            },
            SourceKeys.DataReferences(files));
    }
}

/// <summary>One file of src (C# or embedded data), its path relative to the repository with '/' separators.</summary>
internal sealed record SourceFile(string Path, string Text);

/// <summary>One row of docs/SOURCES.md's table.</summary>
internal sealed record SourceRow(string Key, string Title, string Url);

/// <summary>The checks of <see cref="SourceKeyTests"/>, kept apart from the files so specimens can drive them.</summary>
internal static partial class SourceKeys
{
    // A key as comments write it: capitals and digits, at least two before any '-' part ([CR], [SPEC-PA]); so a
    // character class such as [A-Z] in a pattern string is not taken for one.
    [GeneratedRegex(@"\[[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*\]")]
    private static partial Regex KeyPattern();

    private static readonly string[] Outside = { "notes.md", "../shared", "shared/seeds" };

    // What embedded data must not name, in the order a line is reported: a seed by number ("seed 001") or by file
    // name (000_ to 009_ and 16 hex digits, as the seed folder names them), the reference notes, the shared folder
    // (not a resource group named "...-shared"), and the reference operation list the catalog's operations.tsv was
    // copied from.
    [GeneratedRegex(@"\bseeds? 00[0-9]\b|(?<![0-9A-Za-z])00[0-9]_[0-9a-f]{16}(?![0-9A-Za-z])|notes\.md|(?<![0-9A-Za-z_-])shared/|ml-operations\.tsv",
        RegexOptions.IgnoreCase)]
    private static partial Regex NamedInData();

    // The embedded data files: what the catalog loads and the built-in policy definitions (AmlRbac.csproj).
    private static readonly string[] DataFolders = { "src/AmlRbac/Catalog/Data", "src/AmlRbac/Sources/PolicyData" };

    public static IReadOnlyList<SourceFile> ReadSources(string root)
    {
        var src = Path.Combine(root, "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new SourceFile(p, File.ReadAllText(Path.Combine(root, p))))
            .ToList();
    }

    public static IReadOnlyList<SourceFile> ReadData(string root) =>
        DataFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new SourceFile(p, File.ReadAllText(Path.Combine(root, p))))
            .ToList();

    /// <summary>The rows after the "| key |" header and its |---| line, up to the first line that is not a row.</summary>
    public static IReadOnlyList<SourceRow> ReadTable(IReadOnlyList<string> lines)
    {
        var header = lines.ToList().FindIndex(l => l.StartsWith("| key |", StringComparison.Ordinal));
        if (header < 0)
        {
            return Array.Empty<SourceRow>();
        }
        return lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => new SourceRow(cells[1], cells.Length > 2 ? cells[2] : "", cells.Length > 3 ? cells[3] : ""))
            .ToList();
    }

    /// <summary>"file:line [KEY]" for each key in a comment or string literal that is not one of <paramref name="known"/>.</summary>
    public static IReadOnlyList<string> UnknownKeys(IEnumerable<SourceFile> files, IEnumerable<string> known)
    {
        var keys = known.ToHashSet(StringComparer.Ordinal);
        return files
            .SelectMany(f => CommentsAndStrings(f.Text).SelectMany(span => KeyPattern().Matches(span.Text)
                .Where(m => !keys.Contains(m.Value))
                .Select(m => $"{f.Path}:{span.Line + LinesBefore(span.Text, m.Index)} {m.Value}")))
            .ToList();
    }

    /// <summary>
    /// "file:line [KEY]" for each key in a string literal: messages and warnings reach users, who cannot look a
    /// key up in docs/SOURCES.md, so they cite the public page (Model/PublicSource) instead.
    /// </summary>
    public static IReadOnlyList<string> KeysInStrings(IEnumerable<SourceFile> files) =>
        files.SelectMany(f => CommentsAndStrings(f.Text).Where(span => span.IsString)
                .SelectMany(span => KeyPattern().Matches(span.Text)
                    .Select(m => $"{f.Path}:{span.Line + LinesBefore(span.Text, m.Index)} {m.Value}")))
            .ToList();

    /// <summary>
    /// "Name: what is wrong" for each PublicSource constant whose address is not the address of the row its
    /// [KEY] comment names, so the text users read and the table developers read cite the same page.
    /// </summary>
    public static IReadOnlyList<string> PublicSourceMismatches(IEnumerable<(string Name, string Value, string? Key)> constants, IReadOnlyList<SourceRow> rows)
    {
        var byKey = rows.ToDictionary(r => r.Key, r => r.Url, StringComparer.Ordinal);
        var wrong = new List<string>();
        foreach (var (name, value, key) in constants)
        {
            if (key is null || !byKey.TryGetValue(key, out var url))
            {
                wrong.Add($"{name}: no [KEY] comment naming a row of docs/SOURCES.md");
            }
            else if (!value.Contains(url, StringComparison.Ordinal))
            {
                wrong.Add($"{name}: cites '{value}', but {key} is {url}");
            }
        }
        return wrong;
    }

    /// <summary>What is wrong with each row: a key not written [KEY], a key given twice, a URL that is not https.</summary>
    public static IReadOnlyList<string> BadRows(IReadOnlyList<SourceRow> rows)
    {
        var wrong = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!KeyPattern().IsMatch(row.Key) || KeyPattern().Match(row.Key).Value != row.Key)
            {
                wrong.Add($"{row.Key}: the key is not written [KEY]");
            }
            else if (!seen.Add(row.Key))
            {
                wrong.Add($"{row.Key}: the key has more than one row");
            }
            if (!Uri.TryCreate(row.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                wrong.Add($"{row.Key}: URL '{row.Url}' is not https");
            }
        }
        return wrong;
    }

    /// <summary>"file:line text" for each mention of notes.md, ../shared or shared/seeds, anywhere in a file.</summary>
    public static IReadOnlyList<string> OutsideReferences(IEnumerable<SourceFile> files) =>
        files.SelectMany(f => f.Text.Split('\n').Select((line, i) => (line, number: i + 1))
                .SelectMany(l => Outside
                    .Where(o => l.line.Contains(o, StringComparison.OrdinalIgnoreCase))
                    .Select(o => $"{f.Path}:{l.number} {o}")))
            .ToList();

    /// <summary>"file:line text" for each seed, note or reference file an embedded data file names.</summary>
    public static IReadOnlyList<string> DataReferences(IEnumerable<SourceFile> files) =>
        files.SelectMany(f => f.Text.Split('\n').Select((line, i) => (line, number: i + 1))
                .SelectMany(l => NamedInData().Matches(l.line).Select(m => $"{f.Path}:{l.number} {m.Value}")))
            .ToList();

    private static int LinesBefore(string text, int index) => text.AsSpan(0, index).Count('\n');

    /// <summary>
    /// The comments and string literals of C# text, each with the line it starts on. A small lexer rather than a
    /// regular expression, so "//" inside "https://..." does not start a comment and a key in code is not read.
    /// Interpolation holes are read as part of their string, which only widens what is checked.
    /// </summary>
    private static IEnumerable<(int Line, string Text, bool IsString)> CommentsAndStrings(string text)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var start = i;
            var startLine = line;
            if (c == '/' && next == '/')
            {
                i = text.IndexOf('\n', i) is var end and >= 0 ? end : text.Length;
                yield return (startLine, text[start..i], false);
                continue;
            }
            if (c == '/' && next == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end >= 0 ? end + 2 : text.Length;
                line += LinesBefore(text[start..i], i - start);
                yield return (startLine, text[start..i], false);
                continue;
            }
            if (c == '"' || (c is '@' or '$' && StringStart(text, i) is >= 0))
            {
                i = StringEnd(text, i);
                line += LinesBefore(text[start..i], i - start);
                yield return (startLine, text[start..i], true);
                continue;
            }
            if (c == '\'')
            {
                // A char literal: skip it so '"' does not open a string.
                i++;
                while (i < text.Length && text[i] != '\'' && text[i] != '\n')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }
                i++;
                continue;
            }
            if (c == '\n')
            {
                line++;
            }
            i++;
        }
    }

    // Where the opening quote of a string prefixed by @ and/or $ is, or -1 when @ / $ start no string (@name).
    private static int StringStart(string text, int i)
    {
        while (i < text.Length && text[i] is '@' or '$')
        {
            i++;
        }
        return i < text.Length && text[i] == '"' ? i : -1;
    }

    // The index just past the string literal starting at i: regular, verbatim (@, "" is a quote) or raw (""" ... """).
    private static int StringEnd(string text, int i)
    {
        var verbatim = false;
        while (text[i] is '@' or '$')
        {
            verbatim |= text[i] == '@';
            i++;
        }
        var quotes = 0;
        while (i + quotes < text.Length && text[i + quotes] == '"')
        {
            quotes++;
        }
        if (quotes >= 3)
        {
            var close = text.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
            return close >= 0 ? close + quotes : text.Length;
        }
        if (quotes == 2 && !verbatim)
        {
            return i + 2; // ""
        }
        i++;
        while (i < text.Length)
        {
            if (verbatim && text[i] == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (!verbatim && text[i] == '\\')
            {
                i += 2;
                continue;
            }
            if (!verbatim && (text[i] == '"' || text[i] == '\n'))
            {
                return i + 1;
            }
            i++;
        }
        return text.Length;
    }
}
