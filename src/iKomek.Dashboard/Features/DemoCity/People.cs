namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>Names of the people in the demo city: managers, users, deputy akims and project heads.</summary>
internal sealed class People
{
    private static readonly string[] MaleNames =
    [
        "Ержан", "Серик", "Нурлан", "Асхат", "Даурен", "Бауыржан", "Ерлан", "Марат", "Канат", "Талгат", "Айдос", "Арман", "Нуржан",
        "Жандос", "Ринат", "Берик", "Азамат", "Мурат", "Дархан", "Алмас", "Санжар", "Ербол", "Асет", "Ильяс", "Тимур", "Олжас", "Кайрат", "Медет",
    ];
    private static readonly string[] FemaleNames =
    [
        "Айгерим", "Гульнара", "Динара", "Асель", "Жанар", "Сауле", "Айжан", "Алия", "Мадина", "Камила", "Гаухар", "Карлыгаш",
        "Салтанат", "Ботагоз", "Аружан", "Дана", "Жулдыз", "Меруерт", "Назгуль", "Айнур",
    ];
    private static readonly string[] FatherNames =
    [
        "Серик", "Нурлан", "Марат", "Канат", "Ерлан", "Берик", "Кайрат", "Болат", "Жумабек", "Мухтар", "Талгат", "Бахыт", "Амангельды", "Ермек", "Самат",
    ];
    private static readonly string[] Surnames =
    [
        "Абдрахманов", "Жаксыбеков", "Нурпеисов", "Садыков", "Оспанов", "Ахметов", "Исмаилов", "Кенжебаев", "Мукашев", "Серикбаев",
        "Тулегенов", "Байжанов", "Ермеков", "Калиев", "Сулейменов", "Жумабаев", "Омаров", "Бекмаганбетов", "Тажибаев", "Касымов",
        "Мамыров", "Утемисов", "Есенов", "Жакупов", "Шайхин", "Рахимов", "Аубакиров", "Смагулов", "Бектуров", "Искаков",
    ];
    private static readonly string[] RussianMale = ["Сергей", "Андрей", "Дмитрий", "Александр", "Владимир", "Виктор"];
    private static readonly string[] RussianFemale = ["Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана"];
    private static readonly string[] RussianFathers = ["Петр", "Иван", "Николай", "Михаил", "Юрий", "Геннадий"];
    private static readonly string[] RussianSurnames = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков", "Морозов", "Волков"];

    private readonly Random _rng;
    private readonly HashSet<string> _used = [];

    public People(Random rng)
    {
        _rng = rng;
        Akim = FullName();
        Deputies =
        [
            new DeputyAkim(1, "construction", FullName(), "строительство, дороги и транспорт", "құрылыс, жолдар және көлік", "construction, roads and transport"),
            new DeputyAkim(2, "utilities", FullName(), "энергетика, ЖКХ и благоустройство", "энергетика, ТКШ және абаттандыру", "energy, utilities and improvement"),
            new DeputyAkim(3, "social", FullName(), "социальная сфера", "әлеуметтік сала", "social affairs"),
            new DeputyAkim(4, "economy", FullName(), "экономика и финансы", "экономика және қаржы", "economy and finance"),
        ];
    }

    public string Akim { get; }

    public IReadOnlyList<DeputyAkim> Deputies { get; }

    /// <summary>"Surname Name Patronymic", mostly Kazakh, sometimes Russian; unique within the city.</summary>
    public string FullName()
    {
        while (true)
        {
            var female = _rng.Chance(0.35);
            var russian = _rng.Chance(0.15);
            var surname = _rng.Pick(russian ? RussianSurnames : Surnames);
            var name = female ? _rng.Pick(russian ? RussianFemale : FemaleNames) : _rng.Pick(russian ? RussianMale : MaleNames);
            var father = _rng.Pick(russian ? RussianFathers : FatherNames);
            var patronymic = father.EndsWith('й') ? father[..^1] + (female ? "евна" : "евич") : father + (female ? "овна" : "ович");
            var full = $"{(female ? surname + "а" : surname)} {name} {patronymic}";
            if (_used.Add(full))
            {
                return full;
            }
        }
    }

    public IReadOnlyList<Manager> Managers(IReadOnlyList<Department> departments) =>
        departments.Select(d => new Manager(
            d.Id,
            FullName(),
            d.Kind == CityStructure.DistrictAkimatKind
                ? $"Аким района «{CityStructure.Districts.First(x => x.Id == d.DistrictId).NameRu}»"
                : "Руководитель " + d.NameRu.Replace("Управление", "управления", StringComparison.Ordinal),
            d.Id)).ToList();

    public IReadOnlyList<AppUser> Users(IReadOnlyList<Department> departments, IReadOnlyList<Manager> managers, DateTime createdAtUtc)
    {
        var users = new List<AppUser>();
        // A department head's account is the department's manager, whose rating the desk shows. A name is still drawn, as
        // it was before, so that the names drawn after it (other accounts, project heads) stay those of earlier cities.
        string Head(string department)
        {
            _ = FullName();
            return managers.First(m => m.DepartmentId == departments.First(d => d.Code == department).Id).FullName;
        }
        void Add(string login, string name, string role, string? department = null) =>
            users.Add(new AppUser(users.Count + 1, login, name, role,
                department is null ? null : departments.First(d => d.Code == department).Id, createdAtUtc));

        Add("akim", Akim, "akim");
        Add("deputy.construction", Deputies[0].FullName, "deputy");
        Add("deputy.utilities", Deputies[1].FullName, "deputy");
        Add("deputy.social", Deputies[2].FullName, "deputy");
        Add("deputy.economy", Deputies[3].FullName, "deputy");
        Add("head.energy", Head("energy"), "department_head", "energy");
        Add("head.transport", Head("transport_roads"), "department_head", "transport_roads");
        Add("head.health", Head("health"), "department_head", "health");
        Add("head.education", Head("education"), "department_head", "education");
        Add("analyst", FullName(), "analyst");
        Add("analyst2", FullName(), "analyst");
        Add("operator", FullName(), "operator");
        Add("operator2", FullName(), "operator");
        Add("admin", "Администратор системы", "admin");
        Add("project.office", "Проектный офис акимата", "project_office");
        Add("planning.office", "Офис стратегического и бюджетного планирования", "planning_office");
        Add("knowledge.editor", "Редактор базы знаний 109", "knowledge_editor");
        return users;
    }
}

/// <summary>A deputy akim; <see cref="Code"/> names the account (deputy.CODE) and the deputies row.</summary>
internal static class DeputyDepartments
{
    /// <summary>The departments each deputy akim supervises, by deputy code; the district akimats answer to the one for utilities.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ByDeputy = new Dictionary<string, string[]>
    {
        ["construction"] = ["transport_roads", "mobility", "construction", "architecture", "construction_control"],
        ["utilities"] = ["energy", "water", "housing_inspection", "housing_policy", "environment", "greening", "communal",
            "akimat_almaty", "akimat_baikonyr", "akimat_yesil", "akimat_saryarka", "akimat_nura"],
        ["social"] = ["health", "education", "social", "culture", "sport", "youth", "internal_policy"],
        ["economy"] = ["entrepreneurship", "economy", "finance", "digital", "veterinary", "public_safety"],
    };

    public static IReadOnlyList<(short DeputyId, short DepartmentId)> Rows(IReadOnlyList<DeputyAkim> deputies) =>
        deputies.SelectMany(d => ByDeputy[d.Code].Select(code => (d.Id, CityStructure.DepartmentId(code)))).ToList();
}

internal sealed record DeputyAkim(short Id, string Code, string FullName, string PortfolioRu, string PortfolioKk, string PortfolioEn);
