// Amounts are parsed by the one parser in @xkx/util (`parseAmount`, through `amountValidator` and `fenOf`
// of @xkx/web/forms); these are the shared formatters under the names the deal forms use.
export { fenToYuanInput, groupedYuan as formatYuanExact } from '@xkx/util';
