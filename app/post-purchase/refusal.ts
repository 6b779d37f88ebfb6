// A request the post-purchase endpoints turn down, with the status the extension gets.

export class PostPurchaseRefusal extends Error {
  override readonly name = "PostPurchaseRefusal";
  constructor(
    readonly status: 400 | 401 | 404 | 405 | 409,
    message: string,
  ) {
    super(message);
  }
}
