// Every field: a visible label, an optional description, and its error text right under it
// (client validation, or the api's BAD_USER_INPUT for this field by `name`, through <Form>).
//
// One module per kind of field, so a page's chunk brings only the react-aria code of the fields it uses
// (the Select's listbox and popover, the NumberField's number parsing are the heavy ones); pages import
// them from here.
export { TextArea, TextField, type TextFieldProps } from './fields/text.js';
export { NumberField } from './fields/number.js';
export { Select, type SelectOption } from './fields/select.js';
export { Checkbox, CheckboxGroup, Switch } from './fields/choice.js';
