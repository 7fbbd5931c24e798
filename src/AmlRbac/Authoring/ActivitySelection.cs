using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Authoring;

/// <summary>-ApiVersion: which generation of the Azure ML API the role's activities are for.</summary>
public enum ActivityApiVersion
{
    V1,
    V2,
    Both,
}

/// <summary>
/// Turns the activity names users give into catalog activities, by the V1/V2 split of [MLROLES]
/// ("Differences between actions for V1 and V2 APIs"): the activities that differ between the two APIs
/// come in pairs named ...V1 and ...V2 (SubmitRunV1 / SubmitRunV2). A name without the suffix
/// ("SubmitRun") means the variant(s) of the API version asked for, V2 (the current API) when none is.
/// A name with the suffix is taken as written, and is an error when it contradicts an -ApiVersion given.
/// </summary>
public static class ActivitySelection
{
    public static IReadOnlyList<Activity> Resolve(AmlCatalog catalog, IEnumerable<string> names, ActivityApiVersion? apiVersion)
    {
        var result = new List<Activity>();
        foreach (var name in names.Select(n => n.Trim()).Where(n => n.Length > 0))
        {
            if (catalog.FindActivity(name) is { } exact)
            {
                if (apiVersion is { } asked && asked != ActivityApiVersion.Both && exact.Api != ApiGeneration.Any && exact.Api.ToString() != asked.ToString())
                {
                    throw new AmlRbacException(ErrorIds.ActivityUnknown, FailureCategory.InvalidArgument,
                        $"Activity '{exact.Name}' is for the {exact.Api} API, but API version {asked} was asked for; name the activity without its suffix to get the {asked} variant.", name);
                }
                result.Add(exact);
                continue;
            }
            var variants = Variants(catalog, name, apiVersion ?? ActivityApiVersion.V2);
            if (variants.Count == 0)
            {
                catalog.GetActivity(name); // throws ActivityUnknown with the closest names
            }
            result.AddRange(variants);
        }
        return result.DistinctBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static List<Activity> Variants(AmlCatalog catalog, string name, ActivityApiVersion apiVersion)
    {
        var generations = apiVersion == ActivityApiVersion.Both ? new[] { "V1", "V2" } : new[] { apiVersion.ToString() };
        return generations.Select(g => catalog.FindActivity(name + g)).OfType<Activity>().ToList();
    }
}
