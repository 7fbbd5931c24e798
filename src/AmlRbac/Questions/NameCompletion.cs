namespace AmlRbac.Questions;

/// <summary>Tab completion of catalog names (activities, templates): what a host offers for a partly typed word.</summary>
public static class NameCompletion
{
    /// <summary>
    /// The names that start with <paramref name="word"/> (case-insensitive, surrounding quotes ignored),
    /// or, when none does, those that contain it, in catalog order.
    /// </summary>
    public static IReadOnlyList<string> Complete(string? word, IEnumerable<string> names)
    {
        var typed = (word ?? string.Empty).Trim().Trim('\'', '"');
        var all = names.ToList();
        var starting = all.Where(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        return starting.Count > 0 ? starting : all.Where(n => n.Contains(typed, StringComparison.OrdinalIgnoreCase)).ToList();
    }
}
