/**
 * Issue 16 item 5: the words of the report charts (the trend's titles and the share axis;
 * every other chart label is a column label the tables already print). Their
 * own group of the builders' catalogue, spread into BUILDER_MESSAGES.
 */
export const CHART_MESSAGES_EN = {
  chartRatesTitle: 'Reporting by cycle',
  chartTransitionsTitle: 'Status transitions by cycle',
  chartAxisShare: 'Share',
};

type ChartMessages = Record<keyof typeof CHART_MESSAGES_EN, string>;

export const CHART_MESSAGES_FR: ChartMessages = {
  chartRatesTitle: 'Rapports par cycle',
  chartTransitionsTitle: 'Changements de statut par cycle',
  chartAxisShare: 'Part',
};

export const CHART_MESSAGES_ES: ChartMessages = {
  chartRatesTitle: 'Presentación de informes por ciclo',
  chartTransitionsTitle: 'Transiciones de estado por ciclo',
  chartAxisShare: 'Proporción',
};

export const CHART_MESSAGES_RU: ChartMessages = {
  chartRatesTitle: 'Отчётность по циклам',
  chartTransitionsTitle: 'Смена статусов по циклам',
  chartAxisShare: 'Доля',
};

export const CHART_MESSAGES_AR: ChartMessages = {
  chartRatesTitle: 'الإبلاغ حسب الدورة',
  chartTransitionsTitle: 'تحوّلات الحالة حسب الدورة',
  chartAxisShare: 'النسبة',
};

export const CHART_MESSAGES_ZH: ChartMessages = {
  chartRatesTitle: '按周期分列的报告情况',
  chartTransitionsTitle: '按周期分列的状态转变',
  chartAxisShare: '比例',
};
