namespace Microchain.Simulation.DemoCity;

/// <summary>Word lists the catalog builds plausible product names from.</summary>
internal static class CatalogWords
{
    public static readonly string[] Brands =
    [
        "Maison Dupré", "Le Bon Panier", "Terres d'Ain", "Val de Saône", "Alpina", "Fraîcheur", "Boréal", "Rhodanie",
        "Belle Ferme", "Cuisine Claire", "Nordique", "Soleil Vert", "Les Monts d'Or", "Beaujolais Farms", "Pure & Co",
    ];

    public static readonly string[] Produce =
    [
        "Apples", "Bananas", "Pears", "Tomatoes", "Carrots", "Potatoes", "Onions", "Lettuce", "Spinach", "Courgettes",
        "Peppers", "Cucumbers", "Strawberries", "Grapes", "Lemons", "Oranges", "Avocados", "Mushrooms", "Leeks", "Broccoli",
        "Blueberries", "Mixed Salad", "Herbs Bunch", "Garlic", "Kiwis",
    ];
    public static readonly string[] ProduceAdjectives = ["Organic", "Local", "Ripe", "Seasonal", "Baby", "Sweet", "Fresh", "Heritage"];

    public static readonly string[] Dairy =
    [
        "Whole Milk", "Semi-Skimmed Milk", "Greek Yogurt", "Plain Yogurt", "Butter", "Comté", "Saint-Marcellin", "Fromage Blanc",
        "Crème Fraîche", "Mozzarella", "Emmental", "Goat Cheese", "Fresh Eggs", "Rice Pudding", "Skyr", "Cooked Ham",
        "Chicken Breast", "Lyon Sausage", "Smoked Salmon", "Fresh Pasta", "Hummus", "Quiche Lorraine",
    ];
    public static readonly string[] DairyAdjectives = ["Organic", "Free-Range", "Farmhouse", "Light", "Creamy", "Aged", "Unsalted", "Traditional"];

    public static readonly string[] Frozen =
    [
        "Peas", "Green Beans", "Pizza Margherita", "Fish Fillets", "Ice Cream Vanilla", "Sorbet Lemon", "Spinach Portions",
        "Chips", "Prawns", "Croissants To Bake", "Vegetable Mix", "Burgers", "Lasagne", "Raspberries", "Dumplings",
        "Chicken Nuggets", "Ice Lollies", "Paella",
    ];
    public static readonly string[] FrozenAdjectives = ["Family", "Premium", "Quick", "Classic", "Garden", "Crispy", "Wild", "Mini"];

    public static readonly string[] Bakery =
    [
        "Baguette", "Sourdough Loaf", "Croissants", "Pain au Chocolat", "Brioche", "Sandwich Loaf", "Rye Bread", "Bagels",
        "Praline Tart", "Madeleines", "Wraps", "Crumpets", "Cookies", "Muffins", "Cereal Bread",
    ];
    public static readonly string[] BakeryAdjectives = ["Artisan", "Butter", "Wholemeal", "Seeded", "Rustic", "Golden", "Multigrain", "Country"];

    public static readonly string[] Pantry =
    [
        "Spaghetti", "Penne", "Basmati Rice", "Risotto Rice", "Lentils", "Chickpeas", "Olive Oil", "Sunflower Oil",
        "Tomato Passata", "Tuna Chunks", "Honey", "Strawberry Jam", "Peanut Butter", "Muesli", "Corn Flakes", "Oats",
        "Coffee Beans", "Ground Coffee", "Green Tea", "Dark Chocolate", "Flour", "Sugar", "Sea Salt", "Dijon Mustard",
        "Balsamic Vinegar", "Crackers", "Crisps", "Almonds", "Couscous", "Soup",
    ];
    public static readonly string[] PantryAdjectives = ["Organic", "Italian", "Wholegrain", "Fair-Trade", "Extra Virgin", "Classic", "Roasted", "Spicy", "Gluten-Free"];

    public static readonly string[] Drinks =
    [
        "Sparkling Water", "Still Water", "Orange Juice", "Apple Juice", "Cola", "Lemonade", "Iced Tea", "Beaujolais",
        "Côtes du Rhône", "Craft Beer", "Lager", "Cider", "Oat Drink", "Almond Drink", "Energy Drink", "Kombucha", "Tonic Water",
    ];
    public static readonly string[] DrinksAdjectives = ["Organic", "Light", "Sparkling", "Premium", "Zero Sugar", "Natural", "Pressed", "Reserve"];

    public static readonly string[] Household =
    [
        "Laundry Detergent", "Dish Soap", "Dishwasher Tablets", "Toilet Paper", "Kitchen Towels", "Bin Bags", "Sponges",
        "All-Purpose Cleaner", "Glass Cleaner", "Fabric Softener", "Aluminium Foil", "Cling Film", "Batteries", "Candles",
        "Bleach", "Paper Napkins", "Light Bulbs",
    ];
    public static readonly string[] HouseholdAdjectives = ["Eco", "Ultra", "Fresh Scent", "Compact", "Sensitive", "Value", "Extra Strong", "Recycled"];

    public static readonly string[] PersonalCare =
    [
        "Shampoo", "Conditioner", "Shower Gel", "Toothpaste", "Toothbrush", "Deodorant", "Hand Soap", "Body Lotion",
        "Sun Cream", "Razors", "Cotton Pads", "Lip Balm", "Baby Wipes", "Nappies", "Face Cream", "Mouthwash",
    ];
    public static readonly string[] PersonalCareAdjectives = ["Sensitive", "Natural", "Fresh", "Hydrating", "Men's", "Kids", "Sport", "Gentle"];

    public static readonly string[] MealKitDishes =
    [
        "Chicken Tikka", "Salmon Teriyaki", "Mushroom Risotto", "Beef Bourguignon", "Veggie Curry", "Lyonnaise Salad",
        "Quenelles Nantua", "Pasta Carbonara", "Thai Green Curry", "Ratatouille", "Gratin Dauphinois", "Poke Bowl",
    ];

    public static readonly string[] GiftThemes =
    [
        "Gourmet Lyon", "Tea Time", "Chocolate Lovers", "Apéritif", "Breakfast", "Coffee Break", "Wine & Cheese",
        "Provence", "Pamper", "Little Chef",
    ];
}
