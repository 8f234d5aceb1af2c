/** The article every framework app renders (English; the tests translate it into German). */
export const ARTICLE = {
  title: 'River towns prepare for the spring floods',
  paras: [
    'Engineers in the valley have spent the winter raising the old levees, and the council says the work is finished, with a week to spare.',
    'Residents living near the water were asked to move their cars to higher ground, because the river is expected to crest on Friday night.',
    'The mayor said the town had learned from the floods of last year, when the main bridge was closed for three days and shops lost stock.',
    'Volunteers filled more than ten thousand sandbags at the fire station, working in shifts that started before dawn and ended after dark.',
    'Farmers downstream are less confident, saying their fields will flood again, whatever the engineers have built upstream this winter.',
    'The regional weather service will publish new forecasts every six hours, and the emergency line will stay open until the water falls.',
  ].map((text, i) => ({ id: `p${i}`, text })),
};
