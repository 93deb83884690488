// Sends the signed deep-linking answer to the LMS the way the spec asks: a form POST of the JWT from this frame.

export function postToLms(returnUrl: string, jwt: string): void {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = returnUrl;
  const field = document.createElement('input');
  field.type = 'hidden';
  field.name = 'JWT';
  field.value = jwt;
  form.appendChild(field);
  document.body.appendChild(form);
  form.submit();
}
